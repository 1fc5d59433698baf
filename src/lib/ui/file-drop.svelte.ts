/**
 * What a drop zone does with files, for every zone in the app (the register's, partner mode's pack):
 * dropped or chosen files go to `take` unless the zone is disabled, the pointer's drag shows, and the
 * file field is emptied after a choice so the same file can be chosen again once it is fixed.
 */
export class FileDropTarget {
	dragging = $state(false);

	constructor(
		private readonly disabled: () => boolean,
		private readonly take: (files: File[]) => void
	) {}

	#give(list: FileList | null | undefined): void {
		const files = list ? Array.from(list) : [];
		if (files.length > 0 && !this.disabled()) this.take(files);
	}

	onchange = (event: Event): void => {
		const target = event.currentTarget as HTMLInputElement;
		this.#give(target.files);
		target.value = '';
	};

	ondrop = (event: DragEvent): void => {
		event.preventDefault();
		this.dragging = false;
		this.#give(event.dataTransfer?.files);
	};

	ondragover = (event: DragEvent): void => {
		event.preventDefault();
		const disabled = this.disabled();
		if (event.dataTransfer) event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
		this.dragging = !disabled;
	};

	ondragleave = (): void => {
		this.dragging = false;
	};
}
