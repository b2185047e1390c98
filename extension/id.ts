export const EXTENSION_ID = '@ohif-teaching/extension';
export const PANEL_NAME = 'teaching';
/** How the host names our panel in a layout's panel lists. */
export const TEACHING_PANEL_ID = `${EXTENSION_ID}.panelModule.${PANEL_NAME}`;
export const TEACHING_SERVICE = 'teachingService';
/** The comparison of the open session's signs with the case's reference, beside the teaching service. */
export const SIGN_COMPARISON_SERVICE = 'teachingSignComparison';
