/** The UI language: paraglide's locale, made reactive so the layout re-renders on a switch (no reload). */
import { getLocale, locales, setLocale, type Locale } from '$lib/paraglide/runtime.js';

export class LocaleModel {
	current = $state<Locale>(getLocale());
	readonly all = locales;

	set(locale: Locale): void {
		if (locale === this.current) return;
		// reload: false keeps the loaded register (a reload would restart DuckDB and re-read the store).
		void setLocale(locale, { reload: false });
		this.current = locale;
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}

	/** BCP 47 tag for dates. Numbers stay id-ID in both languages (DESIGN.md: Indonesian first). */
	get dateLocale(): string {
		return this.current === 'en' ? 'en-GB' : 'id-ID';
	}
}

export const locale = new LocaleModel();
