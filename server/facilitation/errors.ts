/** A facilitation request refused, with the HTTP status and a message fit to show the user. */
export class FacilitationError extends Error {
	status: number;
	constructor(status: number, message: string) {
		super(message);
		this.name = 'FacilitationError';
		this.status = status;
	}
}
