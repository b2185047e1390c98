/**
 * The part of a department's OHIF app-config.js that teaching mode needs. Merge it into yours: the
 * two bundle URLs, the `teaching` block, and a DICOMweb data source on the same origin (here the
 * department's PACS behind nginx at /dicom-web).
 */
var dicomWeb = window.location.origin + '/dicom-web';
window.config = {
  routerBasename: '/',
  extensions: ['/ohif-teaching/extension.js'],
  modes: ['/ohif-teaching/mode.js'],
  showStudyList: true,
  defaultDataSourceName: 'pacs',
  dataSources: [
    {
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'pacs',
      configuration: {
        friendlyName: 'Department PACS',
        name: 'pacs',
        wadoUriRoot: dicomWeb,
        qidoRoot: dicomWeb,
        wadoRoot: dicomWeb,
        qidoSupportsIncludeField: false,
        imageRendering: 'wadors',
        thumbnailRendering: 'wadors',
        enableStudyLazyLoad: true,
        supportsFuzzyMatching: false,
        supportsWildcard: true,
        singlepart: 'bulkdata,video',
        bulkDataURI: { enabled: true, relativeResolution: 'studies' },
        omitQuotationForMultipartRequest: true,
      },
    },
  ],
  // Where the teaching panel finds the records service, and the department's default language.
  teaching: { apiRoot: '/api', language: 'zh-CN' },
};
