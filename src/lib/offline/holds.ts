/**
 * Work that must end before something else may start: each holder releases its hold once, and `opened`
 * resolves when every hold taken before it was asked is released (at once when there is none).
 */
export class Holds {
	readonly #pending: Promise<void>[] = [];

	/** Takes a hold; the returned function releases it (calling it again does nothing). */
	hold(): () => void {
		let release: () => void = () => undefined;
		this.#pending.push(new Promise<void>((done) => (release = done)));
		return release;
	}

	opened(): Promise<void> {
		return Promise.all(this.#pending).then(() => undefined);
	}
}
