export interface User {
	id: string;
	/** Normalised sign-in name (trimmed, lower-case); random for guests. */
	username: string;
	displayName: string;
	isGuest: boolean;
	/** Stable hex colour for avatars and presence. */
	color: string;
	createdAt: number;
}

export interface UserWithPassword extends User {
	passwordHash: string | null;
}

export interface NewUser {
	username: string;
	displayName: string;
	passwordHash: string | null;
	isGuest: boolean;
	color: string;
}

export interface UserStore {
	/** Resolves null when the username is already taken. */
	create(input: NewUser & { id: string }): Promise<User | null>;
	get(id: string): Promise<User | null>;
	getByUsername(username: string): Promise<UserWithPassword | null>;
	setPasswordHash(id: string, passwordHash: string): Promise<void>;
	/** Turns a guest into an account in place, keeping its memberships; null if the name is taken. */
	claimGuest(
		id: string,
		account: { username: string; displayName: string; passwordHash: string }
	): Promise<User | null>;
}
