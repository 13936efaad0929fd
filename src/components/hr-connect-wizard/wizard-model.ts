import type { CredentialField, DataScope, FieldError, Provider } from '../../contract/index.js';

/**
 * The wizard's steps. The provider's instructions are shown beside the credentials form (not
 * instead of it), so "instructions" and "credentials" are one step.
 */
export const wizardSteps = ['provider', 'consent', 'credentials', 'success'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export const isWizardStep = (value: unknown): value is WizardStep => wizardSteps.includes(value as WizardStep);

/** The steps the admin walks through; without the provider choice when the host preselected one. */
export function visibleSteps(skipProvider: boolean): readonly WizardStep[] {
  return skipProvider ? wizardSteps.filter((step) => step !== 'provider') : wizardSteps;
}

export function nextStep(step: WizardStep, skipProvider = false): WizardStep | null {
  const steps = visibleSteps(skipProvider);
  return steps[steps.indexOf(step) + 1] ?? null;
}

/** The step "Back" leads to; none from the first step and none after success. */
export function previousStep(step: WizardStep, skipProvider = false): WizardStep | null {
  if (step === 'success') return null;
  const steps = visibleSteps(skipProvider);
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}

/**
 * A pasted credential without the stray whitespace that copying adds: spaces, tabs, line breaks,
 * no-break and zero-width spaces at either end.
 */
export function trimCredential(value: string): string {
  return value.replace(/^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g, '');
}

/** Field names whose required value is missing after trimming. */
export function missingRequired(fields: readonly CredentialField[], values: Readonly<Record<string, string>>): string[] {
  return fields.filter((field) => field.required && !trimCredential(values[field.name] ?? '')).map((field) => field.name);
}

/** The `credentials` of the connect request: every field of the provider, trimmed. */
export function credentialsBody(fields: readonly CredentialField[], values: Readonly<Record<string, string>>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of fields) {
    const value = trimCredential(values[field.name] ?? '');
    if (value || field.required) body[field.name] = value;
  }
  return body;
}

const unescapePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * Splits a 422's field errors: those pointing at `/credentials/<name>` of a known field land on
 * that field (first message wins); the rest are general.
 */
export function splitFieldErrors(
  errors: readonly FieldError[],
  fields: readonly CredentialField[],
): { byField: Record<string, string>; general: string[] } {
  const names = new Set(fields.map((field) => field.name));
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const [, root, name, ...rest] = error.pointer.split('/').map(unescapePointer);
    if (root === 'credentials' && name !== undefined && names.has(name) && rest.length === 0) {
      byField[name] ??= error.detail;
    } else {
      general.push(error.detail);
    }
  }
  return { byField, general };
}

/** Scope ids shown by their provider labels; an id the provider does not describe shows as is. */
export function scopeLabels(ids: readonly string[], scopes: readonly DataScope[] | undefined): string[] {
  const labels = new Map((scopes ?? []).map((scope) => [scope.id, scope.label]));
  return ids.map((id) => labels.get(id) ?? id);
}

/** The scopes the admin consents to: every required one plus the optional ones left selected. */
export function acceptedScopes(provider: Provider, declined: ReadonlySet<string>): string[] {
  return provider.scopes.filter((scope) => scope.required || !declined.has(scope.id)).map((scope) => scope.id);
}

/** What a re-mount restores. Never holds a secret: only text fields are kept. */
export interface WizardDraft {
  step: WizardStep;
  providerId: string | null;
  /** Values of the provider's `text` credential fields (the client id), never `secret` ones. */
  values: Record<string, string>;
  consented: boolean;
  declinedScopes: string[];
  /** Idempotency-Key of the connect write; kept while the same write may be retried or joined. */
  idempotencyKey: string | null;
  /** `connectSignature` of the request the key was minted for: other values are another write. */
  keyFor: string | null;
  /** True while the connect request is under way, so a re-mount joins it instead of sending. */
  submitting: boolean;
  /** The flow reconnects an existing connection (needs re-auth). */
  reconnect: boolean;
}

/**
 * What identifies a connect write without its secrets: the provider, the non-secret credentials and
 * the accepted scopes. A retry with the same signature keeps the Idempotency-Key (the first attempt
 * may have been applied); a changed client ID or scope is a new write with a new key.
 */
export function connectSignature(providerId: string, fields: readonly CredentialField[], credentials: Readonly<Record<string, string>>, scopes: readonly string[]): string {
  return JSON.stringify([providerId, publicValues(fields, credentials), scopes]);
}

/** Only the non-secret fields' values, for the draft. */
export function publicValues(fields: readonly CredentialField[], values: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of fields) if (field.kind !== 'secret' && values[field.name]) kept[field.name] = values[field.name] as string;
  return kept;
}
