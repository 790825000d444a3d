module.exports = { ...require('../../jest.preset.js'), displayName: 'upstream-sim', rootDir: __dirname };
