import { str } from '@lit/localize';

// Translations of the 'common.' ids. French typography: a no-break space (\u00a0) before : ; ? !
// and inside « », the typographic apostrophe ’ everywhere.
export default {
  'common.error.unknown': 'Une erreur s’est produite.',
  'common.error.network': 'Pas de connexion au serveur.',
  'common.error.network.detail': 'Vérifiez votre connexion Internet, puis réessayez.',
  'common.error.timeout': 'Le serveur a mis trop de temps à répondre.',
  'common.error.tryLater': 'Réessayez dans un instant.',
  'common.error.aborted': 'La requête a été annulée.',
  'common.error.contract': 'Le serveur a envoyé des données que cette page ne peut pas lire.',
  'common.error.contract.detail': str`Valeur inattendue à l’emplacement ${0}. Contactez le support si le problème persiste.`,
  'common.error.contract.support': 'Contactez le support si le problème persiste.',
  'common.error.401': 'Votre session a expiré.',
  'common.error.401.detail': 'Reconnectez-vous, puis réessayez.',
  'common.error.403': 'Vous n’avez pas l’autorisation d’effectuer cette action.',
  'common.error.403.detail': 'Demandez l’accès à un propriétaire du compte.',
  'common.error.inProgress': 'Cette modification est encore en cours de traitement.',
  'common.error.keyReused': 'Ces informations diffèrent de la tentative que vous répétez.',
  'common.error.keyReused.detail': 'Vérifiez-les et envoyez à nouveau : la demande part comme une nouvelle demande.',
  'common.error.conflict': 'Quelqu’un d’autre a modifié cet élément entre-temps.',
  'common.error.conflict.detail': 'L’autre version a été chargée. Vérifiez vos modifications et enregistrez à nouveau.',
  'common.error.busy': 'Le serveur est surchargé.',
  'common.error.busy.detail': str`Réessayez dans ${0}\u00a0s.`,
  'common.error.server': 'Le serveur a rencontré un problème.',
  'common.error.refused': 'La requête a été refusée.',
  'common.connection.connected': 'Connecté',
  'common.connection.needsReauth': 'Reconnexion nécessaire',
  'common.connection.error': 'Erreur',
  'common.connection.disconnected': 'Non connecté',
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
} satisfies Record<string, string | ReturnType<typeof str>>;
