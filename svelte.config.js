import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: '200.html', strict: true }),
		// src/service-worker.ts is registered by the page (src/lib/isolation/page.ts), which knows when it is needed.
		serviceWorker: { register: false },
		// The app handles people's data: nothing may load from or talk to another origin. SvelteKit writes
		// this policy as a <meta> in every page; scripts/serve.js sends the same policy as a header, with
		// `frame-ancestors 'none'` added, which only a header can carry (browsers ignore it in a <meta>, so
		// it is not listed here, where it would claim a protection the page does not get). A static host
		// must send that header itself: README, "Headers a static host must send".
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
