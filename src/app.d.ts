import type { App as DrawlineApp } from '#server/app.ts';
import type { AuthUser, Session } from '#server/auth/sessions.ts';
import type { AccessDecision } from '#server/auth/access.ts';

declare global {
	namespace App {
		interface Locals {
			app: DrawlineApp;
			/** The signed-in user, or null; set by hooks.server.ts from the session cookie. */
			user: AuthUser | null;
			session: Session | null;
			/** Per-request cache of membership lookups (src/lib/server/access.ts). */
			access: Map<string, Promise<AccessDecision>>;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
