export const APP_NAME = 'Drawline';
