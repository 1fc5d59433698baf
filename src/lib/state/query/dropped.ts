/** What a dropped query job rejects with: nobody wants its answer any more. Not an error to show. */
export class QueryDropped extends Error {
	constructor() {
		super('query dropped');
		this.name = 'QueryDropped';
	}
}
