/**
 * The verval print pages' own reads (issue 13 points 3 and 5), beside VervalModel's progress: the
 * register's checksum printed in the camat's header, and the worklist of the village whose field form
 * is printed. The worklist reads the verified set, built in the same job (`verval.prepare`), and
 * follows the register, the fieldwork and the village chosen.
 */
import { registerChecksum } from '$lib/queries/allocation';
import { villageWorklist, worklistHouseholds, type WorklistHousehold } from '$lib/queries/worklist-page';
import { queries, Resource } from './query';
import { register } from './RegisterModel.svelte';
import { verval } from './VervalModel.svelte';

export class VervalPrintModel {
	/** The village (dotted code) whose field form is shown; null for none. */
	village = $state<string | null>(null);

	readonly #checksum = new Resource(queries, {
		priority: 'interactive',
		inputs: () => (register.info ? { version: register.version } : null),
		key: ({ version }) => String(version),
		load: (engine) => registerChecksum(engine)
	});

	readonly #worklist = new Resource(queries, {
		priority: 'interactive',
		inputs: () =>
			register.info && verval.ready && this.village
				? { version: register.version, fieldwork: verval.version, village: this.village }
				: null,
		key: ({ version, fieldwork, village }) => `${version}:${fieldwork}:${village}`,
		load: async (engine, { village }): Promise<WorklistHousehold[]> => {
			await verval.prepare(engine);
			return worklistHouseholds(await villageWorklist(engine, village));
		}
	});

	get checksum(): string | null {
		return this.#checksum.value;
	}

	get worklist(): WorklistHousehold[] | null {
		return this.#worklist.current ? this.#worklist.value : null;
	}

	get worklistLoading(): boolean {
		return this.#worklist.loading;
	}

	get worklistError(): unknown {
		return this.#worklist.error;
	}

	/** The camat's page: the checksum follows the register. */
	activateCamat(): void {
		this.#checksum.activate();
	}

	/** The field form: the checksum and the chosen village's worklist follow their inputs. */
	activateForm(): void {
		this.#checksum.activate();
		this.#worklist.activate();
	}
}

export const vervalPrint = new VervalPrintModel();
