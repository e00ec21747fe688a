// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// useBuiltIns is off on purpose: we target modern WebViews / the WeChat base library and ship no core-js.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
      },
    ],
  ],
};
