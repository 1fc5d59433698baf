import { describe, expect, it } from 'vitest';
import { cssString, pageHeaderCss } from './page-header';

describe('the printed running header', () => {
	it('writes any text as one CSS string that cannot be ended or broken out of', () => {
		expect(cssString('Kabupaten Berau · 3 Desember 2026')).toBe('"Kabupaten Berau · 3 Desember 2026"');
		expect(cssString('Rencana "A" \\ B')).toBe('"Rencana \\"A\\" \\\\ B"');
		expect(cssString('a\nb\u0000c')).toBe('"a b c"');
		expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "');
		expect(pageHeaderCss('x"; } body { display: none')).toBe(
			'@page { @top-left { content: "x\\"; } body { display: none"; font: 8pt system-ui, sans-serif; color: #56646e; } }'
		);
	});
});
