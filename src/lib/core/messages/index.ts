/** Every code core, ingest and engine can say, with its parameters (one module per area). */
import type { BoundaryMessages, ClassBreakMessages, EngineMessages } from './geo';
import type { CsvReasons, IngestMessages, MappingMessages, XlsxReasons } from './ingest';
import type { BastMessages, BastReasons, EnvelopeMessages, PackMessages, PledgeMessages } from './partner';
import type { PlanFileMessages, PlanReasons } from './plan';
import type { FindingMessages } from './report';
import type { VervalMessages } from './verval';

export interface AllMessages extends PlanReasons, PlanFileMessages, CsvReasons, XlsxReasons, IngestMessages, MappingMessages, BoundaryMessages, ClassBreakMessages, EngineMessages, FindingMessages, VervalMessages, EnvelopeMessages, BastReasons, BastMessages, PackMessages, PledgeMessages {}

export { CodedError, coded, type CodedMessage, type MessageCode, type MessageParams, type NoParams } from './coded';
