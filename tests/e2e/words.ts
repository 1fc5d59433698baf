/**
 * The Indonesian words of the UI, for checking that the English UI shows none of them: every message
 * whose Indonesian text differs from its English one gives the fixed parts of its Indonesian text
 * (the text between its {placeholders}), kept when long enough to be a phrase of ours and not a name
 * or a code that both languages share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './site';

type Messages = Record<string, string>;

function messages(lang: 'id' | 'en'): Messages {
	const all = JSON.parse(readFileSync(join(ROOT, 'messages', `${lang}.json`), 'utf8')) as Messages;
	delete all.$schema;
	return all;
}

export interface IndonesianPhrase {
	key: string;
	phrase: string;
}

/** A fragment is a phrase of ours when it has two words or more, or one long word English never uses. */
function isPhrase(fragment: string, english: string): boolean {
	const words = fragment.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
	if (words.length >= 2) return fragment.length >= 8;
	const word = words[0];
	return word !== undefined && word.length >= 6 && !english.toLowerCase().includes(word.toLowerCase());
}

export function indonesianPhrases(): IndonesianPhrase[] {
	const id = messages('id');
	const en = messages('en');
	const englishText = Object.values(en).join('\n');
	const phrases: IndonesianPhrase[] = [];
	for (const [key, text] of Object.entries(id)) {
		if (en[key] === text) continue;
		for (const part of text.split(/\{[^}]*\}/)) {
			const fragment = part
				.replace(/[\s,.:;()–—-]+$/u, '')
				.replace(/^[\s,.:;()–—-]+/u, '')
				.trim();
			if (isPhrase(fragment, englishText)) phrases.push({ key, phrase: fragment });
		}
	}
	return phrases;
}

/** The phrases found in a text, as "key: phrase". */
export function phrasesIn(text: string, phrases: readonly IndonesianPhrase[]): string[] {
	const normal = text.replace(/\s+/g, ' ');
	return phrases.filter((p) => normal.includes(p.phrase.replace(/\s+/g, ' '))).map((p) => `${p.key}: ${p.phrase}`);
}
