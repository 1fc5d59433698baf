/** The app's one query coordinator, over the loaded register's engine. */
import { register } from '../RegisterModel.svelte';
import { QueryCoordinator } from './coordinator';

export const queries = new QueryCoordinator(() => register.engine());

export { QueryCoordinator, QueryDropped, type QueryJob, type QueryPriority } from './coordinator';
export { Resource, type ResourceSpec } from './resource.svelte';
