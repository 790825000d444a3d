module.exports = { ...require('../../jest.preset.js'), displayName: 'workflows', rootDir: __dirname, setupFiles: ['<rootDir>/../../jest.temporal-logging.js'] };
