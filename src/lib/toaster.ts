/** The console's one Fluent Toaster (rendered by src/app); use with useToastController(TOASTER_ID). */
export const TOASTER_ID = 'console-toaster';
