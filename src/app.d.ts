import type { App as DrawlineApp } from '../server/app.ts';

declare global {
	namespace App {
		interface Locals {
			app: DrawlineApp;
		}
	}
}

export {};
