import { expect } from '@open-wc/testing';
import type { CredentialField, Provider } from '../../src/contract/index.js';
import {
  acceptedScopes,
  credentialsBody,
  missingRequired,
  nextStep,
  previousStep,
  publicValues,
  scopeLabels,
  splitFieldErrors,
  trimCredential,
  visibleSteps,
} from '../../src/components/hr-connect-wizard/wizard-model.js';

const fields: CredentialField[] = [
  { name: 'clientId', label: 'Client ID', kind: 'text', required: true },
  { name: 'clientSecret', label: 'Client secret', kind: 'secret', required: true },
  { name: 'region', label: 'Region', kind: 'text', required: false },
];

const provider: Provider = {
  id: 'p',
  name: 'P',
  credentialFields: fields,
  scopes: [
    { id: 'a', label: 'Names', purpose: 'x', required: true },
    { id: 'b', label: 'Bank account', purpose: 'y', required: false },
    { id: 'c', label: 'Absences', purpose: 'z', required: false },
  ],
  setupSteps: [],
  docsUrl: null,
};

describe('hr-connect-wizard model', () => {
  it('walks the steps forward and back, without the provider step when preselected', () => {
    expect(visibleSteps(false)).to.deep.equal(['provider', 'consent', 'credentials', 'success']);
    expect(nextStep('provider')).to.equal('consent');
    expect(nextStep('credentials')).to.equal('success');
    expect(nextStep('success')).to.equal(null);
    expect(previousStep('consent')).to.equal('provider');
    expect(previousStep('consent', true)).to.equal(null);
    expect(previousStep('credentials', true)).to.equal('consent');
    expect(previousStep('success')).to.equal(null);
  });

  it('trims whitespace that pasting adds, and keeps inner characters', () => {
    expect(trimCredential('  papi-123 \n')).to.equal('papi-123');
    expect(trimCredential('\u200B\u00A0sec ret\t\uFEFF')).to.equal('sec ret');
    expect(trimCredential('')).to.equal('');
  });

  it('finds required fields that are blank after trimming', () => {
    expect(missingRequired(fields, { clientId: '   ', clientSecret: 's' })).to.deep.equal(['clientId']);
    expect(missingRequired(fields, { clientId: 'id', clientSecret: 's' })).to.deep.equal([]);
  });

  it('builds the credentials body trimmed, leaving out blank optional fields', () => {
    expect(credentialsBody(fields, { clientId: ' id ', clientSecret: ' s\n', region: ' ' })).to.deep.equal({ clientId: 'id', clientSecret: 's' });
  });

  it('lands field errors on their fields by JSON pointer and keeps the rest general', () => {
    const result = splitFieldErrors(
      [
        { pointer: '/credentials/clientSecret', detail: 'Wrong secret' },
        { pointer: '/credentials/clientSecret', detail: 'second message' },
        { pointer: '/credentials/unknown', detail: 'Unknown field' },
        { pointer: '/providerId', detail: 'Bad provider' },
      ],
      fields,
    );
    expect(result.byField).to.deep.equal({ clientSecret: 'Wrong secret' });
    expect(result.general).to.deep.equal(['Unknown field', 'Bad provider']);
  });

  it('unescapes pointer segments', () => {
    const odd: CredentialField[] = [{ name: 'a_b', label: 'x', kind: 'text', required: true }];
    expect(splitFieldErrors([{ pointer: '/credentials/a_b', detail: 'd' }], odd).byField).to.deep.equal({ a_b: 'd' });
    expect(splitFieldErrors([{ pointer: '/credentials/a~1b', detail: 'd' }], odd).general).to.deep.equal(['d']);
  });

  it('names scopes by their labels, falling back to the id', () => {
    expect(scopeLabels(['b', 'zzz'], provider.scopes)).to.deep.equal(['Bank account', 'zzz']);
    expect(scopeLabels(['b'], undefined)).to.deep.equal(['b']);
  });

  it('accepts every required scope and the optional ones not declined', () => {
    expect(acceptedScopes(provider, new Set(['b', 'a']))).to.deep.equal(['a', 'c']);
  });

  it('keeps only non-secret values for the draft', () => {
    expect(publicValues(fields, { clientId: 'id', clientSecret: 's', region: '' })).to.deep.equal({ clientId: 'id' });
  });
});
