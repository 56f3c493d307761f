/**
 * The browser's client for the facilitation HTTP API (`/w/<id>/facilitation/...`): private things
 * (my proposals, my votes) and the steps the server takes (reveal, adopt, publish, consent). Each
 * method sends and returns the contract's types (`#lib/contracts/facilitation-api.ts`); a refusal
 * throws `RequestError` with the server's message.
 */
import type { ProposalCells } from '#lib/facilitation/proposals.ts';
import type { ConsentDecision } from '#lib/facilitation/facilitation-doc.ts';
import type {
	AdoptRequest,
	AdoptResponse,
	ApiError,
	ClockReading,
	ConsentRequest,
	ConsentResponse,
	MyProposal,
	MyVotes,
	PublishResult,
	RevealResponse,
	SaveProposalRequest,
	StartRoundRequest,
	StartRoundResponse,
	VoteRequest
} from '#lib/contracts/facilitation-api.ts';

/** A refused request, with the server's message. */
export class RequestError extends Error {
	status: number;
	constructor(status: number, message: string) {
		super(message);
		this.status = status;
	}
}

export class FacilitationClient {
	#base: string;

	constructor(workshopId: string) {
		this.#base = `/w/${workshopId}/facilitation/`;
	}

	async #request<T>(method: string, path: string, body?: object, cache?: RequestCache): Promise<T> {
		const response = await fetch(this.#base + path, {
			method,
			...(cache ? { cache } : {}),
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		let parsed: unknown = null;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			parsed = null;
		}
		if (!response.ok) {
			const message =
				(parsed as Partial<ApiError> | null)?.message ??
				`The server refused this (${response.status}).`;
			throw new RequestError(response.status, message);
		}
		return parsed as T;
	}

	/** The server's clock, never from a cache. */
	readClock(): Promise<ClockReading> {
		return this.#request('GET', 'time', undefined, 'no-store');
	}

	/** Without `cardIds`, the round asks about the rows on the board. */
	startRound(named: boolean, cardIds?: string[]): Promise<StartRoundResponse> {
		const body: StartRoundRequest = { named, ...(cardIds ? { cardIds } : {}) };
		return this.#request('POST', 'round', body);
	}

	reveal(): Promise<RevealResponse> {
		return this.#request('POST', 'reveal');
	}

	adoptMajority(cardId: string, roleId?: string): Promise<AdoptResponse> {
		const body: AdoptRequest = { cardId, ...(roleId ? { roleId } : {}) };
		return this.#request('POST', 'adopt', body);
	}

	publish(): Promise<PublishResult> {
		return this.#request('POST', 'publish');
	}

	loadMyProposal(): Promise<MyProposal> {
		return this.#request('GET', 'proposals');
	}

	saveMyProposal(cells: ProposalCells): Promise<MyProposal> {
		return this.#request('PUT', 'proposals', { cells } satisfies SaveProposalRequest);
	}

	loadMyVotes(): Promise<MyVotes> {
		return this.#request('GET', 'votes');
	}

	vote(cardId: string, delta: 1 | -1): Promise<MyVotes> {
		return this.#request('POST', 'votes', { cardId, delta } satisfies VoteRequest);
	}

	async clearVotes(): Promise<void> {
		await this.#request('DELETE', 'votes');
	}

	consent(version: number, decision: ConsentDecision, comment: string): Promise<ConsentResponse> {
		const body: ConsentRequest = { version, decision, comment };
		return this.#request('POST', 'consent', body);
	}
}
