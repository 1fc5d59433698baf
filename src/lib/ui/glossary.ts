/**
 * The glossary's terms: the abbreviation as written in both languages, and its expansion and meaning
 * in the UI's language. The order is the order a newcomer meets them: the registers, then what the
 * register says about people, then the programmes and their lists and money.
 */
import { m } from '$lib/paraglide/messages.js';

export interface GlossaryTerm {
	/** Anchor on the glossary page (/glosarium/#rtlh), so any screen can link to one term. */
	id: string;
	term: string;
	name: () => string;
	text: () => string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
	{ id: 'dtsen', term: 'DTSEN', name: m.glossary_dtsen_name, text: m.glossary_dtsen_text },
	{ id: 'dtks', term: 'DTKS', name: m.glossary_dtks_name, text: m.glossary_dtks_text },
	{ id: 'p3ke', term: 'P3KE', name: m.glossary_p3ke_name, text: m.glossary_p3ke_text },
	{ id: 'nik', term: 'NIK / KK', name: m.glossary_nik_name, text: m.glossary_nik_text },
	{ id: 'desil', term: 'Desil', name: m.glossary_desil_name, text: m.glossary_desil_text },
	{ id: 'verval', term: 'Verval', name: m.glossary_verval_name, text: m.glossary_verval_text },
	{ id: 'ats', term: 'ATS', name: m.glossary_ats_name, text: m.glossary_ats_text },
	{ id: 'rtlh', term: 'RTLH', name: m.glossary_rtlh_name, text: m.glossary_rtlh_text },
	{ id: 'bsps', term: 'BSPS', name: m.glossary_bsps_name, text: m.glossary_bsps_text },
	{ id: 'pip', term: 'PIP', name: m.glossary_pip_name, text: m.glossary_pip_text },
	{ id: 'paket', term: 'Paket A/B/C', name: m.glossary_paket_name, text: m.glossary_paket_text },
	{ id: 'bnba', term: 'BNBA', name: m.glossary_bnba_name, text: m.glossary_bnba_text },
	{ id: 'apbd', term: 'APBD / APBN', name: m.glossary_apbd_name, text: m.glossary_apbd_text },
	{ id: 'tjsp', term: 'TJSP', name: m.glossary_tjsp_name, text: m.glossary_tjsp_text }
];
