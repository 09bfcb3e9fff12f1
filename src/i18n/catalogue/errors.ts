import { defineMessages } from '../define-messages.js';

/** Known error causes (src/logging/error-cause.ts): one sentence a person can act on, the raw reason after it. */
export const errorMessages = defineMessages({
  fr: {
    'error.cause.timeout': 'délai dépassé',
    'error.cause.connectionRefused': 'connexion refusée (le service est-il démarré, le port ouvert ?)',
    'error.cause.authenticationFailed': 'authentification refusée (identifiant, mot de passe ou clé)',
    'error.cause.dns': 'nom d’hôte inconnu (DNS)',
    'error.cause.tlsExpired': 'certificat TLS expiré',
    'error.cause.tlsUntrusted': 'certificat TLS non reconnu (autosigné ou autorité inconnue)',
    'error.cause.permissionDenied': 'permission refusée',
    'error.cause.hostKeyMismatch': 'la clé d’hôte SSH ne correspond pas à celle de l’inventaire',
    'error.cause.hostKeyUnknown': 'aucune clé d’hôte SSH épinglée dans l’inventaire',
    'error.withRaw': '{sentence} (« {raw} »)',
  },
  en: {
    'error.cause.timeout': 'timed out',
    'error.cause.connectionRefused': 'connection refused (is the service up, the port open?)',
    'error.cause.authenticationFailed': 'authentication refused (user, password or key)',
    'error.cause.dns': 'unknown host name (DNS)',
    'error.cause.tlsExpired': 'TLS certificate expired',
    'error.cause.tlsUntrusted': 'TLS certificate not trusted (self-signed or unknown authority)',
    'error.cause.permissionDenied': 'permission denied',
    'error.cause.hostKeyMismatch': 'the SSH host key differs from the inventory’s',
    'error.cause.hostKeyUnknown': 'no SSH host key pinned in the inventory',
    'error.withRaw': '{sentence} (“{raw}”)',
  },
});
