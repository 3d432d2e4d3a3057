/** Length limits of a password, shared by the forms (client) and the policy (server). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
