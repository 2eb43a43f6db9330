// The words of the web host's plain-text refusals (Node, web host), zh-CN first, then English:
// a person who opens the host under another address reads them in the browser.
export const refusals = {
  wrongHost: (url: string): string => `请在本机用 ${url} 打开教体信用。\nOpen EduCredit on this computer at ${url}.`,
  otherSite: '拒绝了来自其他网页的请求。\nA request from another web page was refused.',
  badToken: '请求未带本页的凭据，请重新打开教体信用。\nThe request did not carry this page\'s token: open EduCredit again.',
  badPath: '地址有误。\nThe address is malformed.',
  postOnly: '此地址只接受 POST 请求。\nThis address takes POST requests only.',
  getOnly: '此地址只接受 GET 请求。\nThis address takes GET requests only.',
  failed: '内部错误。\nInternal error.',
} as const;
