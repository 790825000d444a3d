module.exports = { ...require('../../jest.preset.js'), displayName: 'working-time', rootDir: __dirname };
