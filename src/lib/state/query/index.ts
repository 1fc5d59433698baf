/** The app's one query coordinator, over the app's one engine. */
import { getEngine } from '../database';
import { QueryCoordinator } from './coordinator';

export const queries = new QueryCoordinator(getEngine);

export { QueryCoordinator, QueryDropped, type QueryJob, type QueryPriority } from './coordinator';
export { Resource, type ResourceSpec } from './resource.svelte';
