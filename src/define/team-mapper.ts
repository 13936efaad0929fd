import { TeamMapper } from '../components/team-mapper/team-mapper.js';

if (!customElements.get('team-mapper')) customElements.define('team-mapper', TeamMapper);

declare global {
  interface HTMLElementTagNameMap {
    'team-mapper': TeamMapper;
  }
}
