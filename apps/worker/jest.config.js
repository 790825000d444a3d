module.exports = { ...require('../../jest.preset.js'), displayName: 'worker', rootDir: __dirname, setupFiles: ['<rootDir>/../../jest.temporal-logging.js'] };
