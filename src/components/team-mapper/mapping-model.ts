import type { FieldError } from '../../contract/common.js';
import { CreateAppTeamsResponse, type AppTeam, type CreateAppTeamsRequest, type HrTeam, type TeamMapping, type TeamMappingDoc } from '../../contract/teams.js';

/** What the admin chose for one HR team: an app team id, a new app team to create, or not mapped. */
export type Choice = string | { create: string } | null;

/** One edited HR team: the saved app team the edit started from (`base`) and the admin's choice. */
export interface DraftEntry {
  base: string | null;
  choice: Choice;
}

/** An Idempotency-Key tied to the exact request it was made for. */
export interface PendingKey {
  fingerprint: string;
  key: string;
}

/** The unsaved work of one team-mapper, kept in `services.drafts`. */
export interface MappingDraft {
  v: 1;
  /** Version (ETag) of the document the edits are based on: sent as If-Match. */
  baseVersion: string;
  /** Only the HR teams whose choice differs from the saved mapping. */
  edits: Record<string, DraftEntry>;
  /** HR teams another admin changed differently, with their app team id (null: unmapped). */
  conflicts: Record<string, string | null>;
  /** Keys of the pending writes; reused while the request stays the same. */
  keys: { create?: PendingKey; save?: PendingKey };
  /**
   * App teams already created for this save (by any attempt of it, also before a re-mount or
   * reload): the saved event lists them once the mapping is saved.
   */
  created?: CreatedTeam[];
}

export type CreatedTeam = CreateAppTeamsResponse['created'][number];

/** Lookups computed once per document, so rendering never searches lists. */
export interface MappingIndex {
  readonly doc: TeamMappingDoc;
  /** HR teams sorted by name. */
  readonly hrTeams: readonly HrTeam[];
  readonly hrById: ReadonlyMap<string, HrTeam>;
  /** App teams sorted by name. */
  readonly appTeams: readonly AppTeam[];
  readonly appById: ReadonlyMap<string, AppTeam>;
  /** Folded app team names, aligned with `appTeams`. */
  readonly appFolded: readonly string[];
  /** Folded HR team name and department, by HR team id. */
  readonly hrFolded: ReadonlyMap<string, string>;
  /** First app team per folded name. */
  readonly appByName: ReadonlyMap<string, AppTeam>;
  /** Saved mapping: HR team id -> app team id. */
  readonly saved: ReadonlyMap<string, string>;
}

/** Derived from the index and the draft, once per edit. */
export interface MappingView {
  readonly choices: ReadonlyMap<string, Choice>;
  /** App team id -> HR team ids that map to it (many-to-one). */
  readonly sharedBy: ReadonlyMap<string, readonly string[]>;
  readonly mapped: number;
  readonly unmapped: number;
}

/** Lower case, no diacritics, single spaces: what search and name matching compare. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });

export function buildIndex(doc: TeamMappingDoc): MappingIndex {
  const hrTeams = [...doc.hrTeams].sort(byName);
  const appTeams = [...doc.appTeams].sort(byName);
  const appByName = new Map<string, AppTeam>();
  const appFolded = appTeams.map((team) => {
    const folded = fold(team.name);
    if (!appByName.has(folded)) appByName.set(folded, team);
    return folded;
  });
  return {
    doc,
    hrTeams,
    hrById: new Map(hrTeams.map((team) => [team.id, team])),
    appTeams,
    appById: new Map(appTeams.map((team) => [team.id, team])),
    appFolded,
    hrFolded: new Map(hrTeams.map((team) => [team.id, fold(`${team.name} ${team.department ?? ''}`)])),
    appByName,
    saved: new Map(doc.mappings.map((m) => [m.hrTeamId, m.appTeamId])),
  };
}

export const emptyDraft = (baseVersion: string): MappingDraft => ({ v: 1, baseVersion, edits: {}, conflicts: {}, keys: {} });

export function sameChoice(a: Choice, b: Choice): boolean {
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.create === b.create;
}

export const isCreate = (choice: Choice): choice is { create: string } => choice !== null && typeof choice === 'object';

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

export function choiceOf(index: MappingIndex, draft: MappingDraft, hrTeamId: string): Choice {
  return has(draft.edits, hrTeamId) ? draft.edits[hrTeamId]!.choice : (index.saved.get(hrTeamId) ?? null);
}

export const isDirty = (draft: MappingDraft): boolean => Object.keys(draft.edits).length > 0;

export function buildView(index: MappingIndex, draft: MappingDraft): MappingView {
  const choices = new Map<string, Choice>();
  const sharedBy = new Map<string, string[]>();
  let mapped = 0;
  for (const team of index.hrTeams) {
    const choice = choiceOf(index, draft, team.id);
    choices.set(team.id, choice);
    if (choice === null) continue;
    mapped++;
    if (typeof choice === 'string') {
      const list = sharedBy.get(choice);
      if (list) list.push(team.id);
      else sharedBy.set(choice, [team.id]);
    }
  }
  return { choices, sharedBy, mapped, unmapped: index.hrTeams.length - mapped };
}

/** Sets several choices; a choice equal to the saved one removes the edit. Clears their conflicts. */
export function setChoices(index: MappingIndex, draft: MappingDraft, changes: Iterable<readonly [string, Choice]>): MappingDraft {
  const edits = { ...draft.edits };
  const conflicts = { ...draft.conflicts };
  for (const [hrTeamId, choice] of changes) {
    const saved = index.saved.get(hrTeamId) ?? null;
    delete conflicts[hrTeamId];
    if (sameChoice(choice, saved)) delete edits[hrTeamId];
    else edits[hrTeamId] = { base: saved, choice };
  }
  return { ...draft, edits, conflicts };
}

/** Drops the conflict mark and the admin's edit: the other admin's choice stays. */
export function acceptTheirs(draft: MappingDraft, hrTeamId: string): MappingDraft {
  const edits = { ...draft.edits };
  const conflicts = { ...draft.conflicts };
  delete edits[hrTeamId];
  delete conflicts[hrTeamId];
  return { ...draft, edits, conflicts };
}

/**
 * Re-applies the draft on top of a newer document. An HR team is in conflict when the other
 * admin changed it since the draft's base to something other than the admin's choice; the
 * admin's choice is kept and marked so nothing is overwritten silently. Edits that now agree
 * with the saved mapping, or whose HR team is gone, are dropped; a choice of an app team that
 * no longer exists gives way to theirs and is marked.
 */
export function rebase(draft: MappingDraft, index: MappingIndex): { draft: MappingDraft; conflicted: string[] } {
  const edits: Record<string, DraftEntry> = {};
  const conflicts: Record<string, string | null> = {};
  const conflicted: string[] = [];
  for (const [hrTeamId, entry] of Object.entries(draft.edits)) {
    if (!index.hrById.has(hrTeamId)) continue;
    const theirs = index.saved.get(hrTeamId) ?? null;
    const changedByThem = theirs !== entry.base;
    const goneTeam = typeof entry.choice === 'string' && !index.appById.has(entry.choice);
    if (goneTeam) {
      conflicts[hrTeamId] = theirs;
      conflicted.push(hrTeamId);
      continue;
    }
    if (sameChoice(entry.choice, theirs)) continue;
    edits[hrTeamId] = { base: theirs, choice: entry.choice };
    if (changedByThem || has(draft.conflicts, hrTeamId)) {
      conflicts[hrTeamId] = theirs;
      if (changedByThem) conflicted.push(hrTeamId);
    }
  }
  return { draft: { ...draft, baseVersion: index.doc.version, edits, conflicts }, conflicted };
}

/** Folded names a new app team may not take: every app team's and every other pending creation's. */
function takenNames(index: MappingIndex, view: MappingView): Set<string> {
  const taken = new Set(index.appFolded);
  for (const choice of view.choices.values()) if (isCreate(choice)) taken.add(fold(choice.create));
  return taken;
}

/**
 * Unmapped HR teams, each with a new app team named after it. A name already taken (by an app
 * team or another new one) gets the department, then a number: `Sales (Retail)`, `Sales (2)`.
 */
export function previewCreateForUnmapped(index: MappingIndex, view: MappingView): { hrTeam: HrTeam; name: string }[] {
  const taken = takenNames(index, view);
  const result: { hrTeam: HrTeam; name: string }[] = [];
  for (const hrTeam of index.hrTeams) {
    if (view.choices.get(hrTeam.id) !== null) continue;
    const base = hrTeam.name.trim() || hrTeam.id;
    let name = base;
    if (taken.has(fold(name)) && hrTeam.department) name = `${base} (${hrTeam.department})`;
    for (let n = 2; taken.has(fold(name)); n++) name = `${base} (${n})`;
    taken.add(fold(name));
    result.push({ hrTeam, name });
  }
  return result;
}

/** A name the backend refused for an HR team's new app team, with the backend's words for why. */
export interface RefusedName {
  name: string;
  detail: string;
}

/** A local problem, or the backend's reason (`refused`) while the name is still the one it refused. */
export type NameProblem = 'blank' | 'taken' | 'duplicate' | { refused: string };

const CREATION_NAME = /^\/teams\/(\d+)\/name$/;

/**
 * The backend's field errors for a createAppTeams request (`/teams/<n>/name` names the n-th
 * creation), by the HR team each creation was for. `unplaced`: errors that name no such field.
 */
export function refusedNames(
  creations: CreateAppTeamsRequest['teams'],
  errors: readonly FieldError[],
): { byHrTeam: Map<string, RefusedName>; unplaced: FieldError[] } {
  const byHrTeam = new Map<string, RefusedName>();
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const match = CREATION_NAME.exec(error.pointer);
    const creation = match ? creations[Number(match[1])] : undefined;
    if (!creation?.fromHrTeamId) unplaced.push(error);
    else if (!byHrTeam.has(creation.fromHrTeamId)) byHrTeam.set(creation.fromHrTeamId, { name: creation.name, detail: error.detail });
  }
  return { byHrTeam, unplaced };
}

/**
 * What is wrong with the names of app teams to create, by HR team id: what the backend would
 * refuse, then what it did refuse (`refused`) as long as the name is unchanged.
 */
export function nameProblems(index: MappingIndex, view: MappingView, refused: ReadonlyMap<string, RefusedName> = new Map()): ReadonlyMap<string, NameProblem> {
  const problems = new Map<string, NameProblem>();
  const existing = new Set(index.appFolded);
  const pending = new Set<string>();
  for (const team of index.hrTeams) {
    const choice = view.choices.get(team.id) ?? null;
    if (!isCreate(choice)) continue;
    const name = fold(choice.create);
    const theirs = refused.get(team.id);
    if (!name) problems.set(team.id, 'blank');
    else if (existing.has(name)) problems.set(team.id, 'taken');
    else if (pending.has(name)) problems.set(team.id, 'duplicate');
    else if (theirs && theirs.name === choice.create.trim()) problems.set(team.id, { refused: theirs.detail });
    pending.add(name);
  }
  return problems;
}

/** Unmapped HR teams whose name equals an app team's (case, accents and spacing ignored). */
export function previewMapByName(index: MappingIndex, view: MappingView): { hrTeam: HrTeam; appTeam: AppTeam }[] {
  const result: { hrTeam: HrTeam; appTeam: AppTeam }[] = [];
  for (const hrTeam of index.hrTeams) {
    if (view.choices.get(hrTeam.id) !== null) continue;
    const appTeam = index.appByName.get(fold(hrTeam.name));
    if (appTeam) result.push({ hrTeam, appTeam });
  }
  return result;
}

export type RowFilter = 'all' | 'unmapped';

/** The HR teams to show, in name order. Unmapped means: no choice at all (a pending creation counts as mapped). */
export function filterRows(index: MappingIndex, view: MappingView, filter: RowFilter, query: string): readonly HrTeam[] {
  const tokens = fold(query).split(' ').filter(Boolean);
  if (filter === 'all' && tokens.length === 0) return index.hrTeams;
  return index.hrTeams.filter((team) => {
    if (filter === 'unmapped' && view.choices.get(team.id) !== null) return false;
    const text = index.hrFolded.get(team.id) ?? '';
    return tokens.every((token) => text.includes(token));
  });
}

/** App teams whose name contains every token of `query`, in name order. */
export function filterAppTeams(index: MappingIndex, query: string): readonly AppTeam[] {
  const tokens = fold(query).split(' ').filter(Boolean);
  if (tokens.length === 0) return index.appTeams;
  return index.appTeams.filter((_, i) => tokens.every((token) => index.appFolded[i]!.includes(token)));
}

/** The two requests a save sends: creations first, then every mapping (HR teams left out are unmapped). */
export function savePlan(index: MappingIndex, view: MappingView): { creations: CreateAppTeamsRequest['teams']; mappings: TeamMapping[] } {
  const creations: CreateAppTeamsRequest['teams'] = [];
  const mappings: TeamMapping[] = [];
  for (const team of index.hrTeams) {
    const choice = view.choices.get(team.id) ?? null;
    if (isCreate(choice)) creations.push({ name: choice.create.trim(), fromHrTeamId: team.id });
    else if (choice !== null) mappings.push({ hrTeamId: team.id, appTeamId: choice });
  }
  return { creations, mappings };
}

/** Replaces each "create" choice with the app team the backend created for that HR team, and records the teams. */
export function applyCreated(draft: MappingDraft, created: readonly CreatedTeam[]): MappingDraft {
  const edits = { ...draft.edits };
  const recorded = [...(draft.created ?? [])];
  const known = new Set(recorded.map((team) => team.id));
  for (const team of created) {
    const entry = team.fromHrTeamId ? edits[team.fromHrTeamId] : undefined;
    if (entry && isCreate(entry.choice)) edits[team.fromHrTeamId!] = { ...entry, choice: team.id };
    if (!known.has(team.id)) recorded.push(team);
    known.add(team.id);
  }
  return { ...draft, edits, created: recorded };
}

/** A short stable fingerprint of a request (FNV-1a over its JSON). */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}.${text.length.toString(36)}`;
}

/** The key for this exact request: the pending one when the request is unchanged, else a new one. */
export function keyFor(draft: MappingDraft, write: 'create' | 'save', request: unknown, newKey: () => string): MappingDraft {
  const print = fingerprint(request);
  if (draft.keys[write]?.fingerprint === print) return draft;
  return { ...draft, keys: { ...draft.keys, [write]: { fingerprint: print, key: newKey() } } };
}

/** A draft read back from storage, or undefined when it is not one of ours. */
export function readDraft(value: unknown): MappingDraft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const draft = value as Partial<MappingDraft>;
  if (draft.v !== 1 || typeof draft.baseVersion !== 'string' || !draft.edits || typeof draft.edits !== 'object') return undefined;
  // Read back through the contract's schema: a stored draft is as untrusted as a response.
  const created = CreateAppTeamsResponse.shape.created.safeParse(draft.created ?? []).data ?? [];
  return { v: 1, baseVersion: draft.baseVersion, edits: draft.edits, conflicts: draft.conflicts ?? {}, keys: draft.keys ?? {}, created };
}
