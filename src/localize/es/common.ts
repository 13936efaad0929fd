import { str } from '@lit/localize';

// Translations of the 'common.' ids. Spanish: the formal "usted" throughout; buttons in the
// infinitive.
export default {
  'common.error.unknown': 'Se ha producido un error.',
  'common.error.network': 'No hay conexión con el servidor.',
  'common.error.network.detail': 'Compruebe su conexión a Internet y vuelva a intentarlo.',
  'common.error.timeout': 'El servidor ha tardado demasiado en responder.',
  'common.error.tryLater': 'Vuelva a intentarlo en un momento.',
  'common.error.aborted': 'La solicitud se ha cancelado.',
  'common.error.contract': 'El servidor ha enviado datos que esta página no puede leer.',
  'common.error.contract.detail': str`Valor inesperado en ${0}. Póngase en contacto con el soporte si el problema persiste.`,
  'common.error.contract.support': 'Póngase en contacto con el soporte si el problema persiste.',
  'common.error.401': 'Su sesión ha caducado.',
  'common.error.401.detail': 'Vuelva a iniciar sesión e inténtelo de nuevo.',
  'common.error.403': 'No tiene permiso para hacer esto.',
  'common.error.403.detail': 'Solicite acceso a un propietario de la cuenta.',
  'common.error.inProgress': 'Este cambio todavía se está procesando.',
  'common.error.keyReused': 'Estos datos difieren del intento que se repite.',
  'common.error.keyReused.detail': 'Revíselos y vuelva a enviar: se enviará como una solicitud nueva.',
  'common.error.conflict': 'Otra persona ha modificado esto mientras tanto.',
  'common.error.conflict.detail': 'Se ha cargado la otra versión. Revise sus cambios y vuelva a guardar.',
  'common.error.busy': 'El servidor está ocupado.',
  'common.error.busy.detail': str`Vuelva a intentarlo dentro de ${0} s.`,
  'common.error.server': 'El servidor ha tenido un problema.',
  'common.error.refused': 'La solicitud se ha rechazado.',
  'common.connection.connected': 'Conectado',
  'common.connection.needsReauth': 'Requiere reconexión',
  'common.connection.error': 'Error',
  'common.connection.disconnected': 'No conectado',
  'common.loading': 'Cargando…',
  'common.retry': 'Reintentar',
} satisfies Record<string, string | ReturnType<typeof str>>;
