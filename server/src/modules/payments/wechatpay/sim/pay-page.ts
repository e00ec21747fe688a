import { formatFen } from '@tidepool/shared';
import { toRfc3339 } from '../wechatpay-crypto';
import type { SimOrder } from './simulator-resources';

/**
 * The H5 stand-in for `wx.requestPayment` (a browser has none): the order summary with 确认支付 and 取消. The
 * buttons post JSON to the same path and follow the redirect it answers, back to the page that asked to pay.
 */
export function payPage(order: SimOrder, returnUrl: string): string {
  const expires = toRfc3339(order.timeExpire).slice(0, 16).replace('T', ' ');
  const data = JSON.stringify({ prepayId: order.prepayId, returnUrl }).replace(/</g, '\\u003c');
  return layout(
    '微信支付（模拟）',
    `<main>
  <p class="merchant">Tidepool</p>
  <p class="amount">${escapeHtml(formatFen(order.amountFen))}</p>
  <dl>
    <dt>商品</dt><dd>${escapeHtml(order.description)}</dd>
    <dt>商户单号</dt><dd>${escapeHtml(order.outTradeNo)}</dd>
    <dt>支付截止</dt><dd>${escapeHtml(expires)}（北京时间）</dd>
  </dl>
  <p id="error" role="alert" hidden></p>
  <button id="pay" class="primary" type="button">确认支付</button>
  <button id="cancel" type="button">取消</button>
  <p class="note">本页面由本地支付模拟器提供，不会产生真实扣款。</p>
</main>
<script>
(function () {
  var data = ${data};
  var buttons = document.querySelectorAll('button');
  var error = document.getElementById('error');
  function act(action) {
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(location.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prepayId: data.prepayId, action: action, returnUrl: data.returnUrl })
    })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (res.ok) { location.replace(res.body.redirect); return; }
        error.textContent = res.body.message || '支付失败';
        error.hidden = false;
        buttons.forEach(function (b) { b.disabled = false; });
      })
      .catch(function () {
        error.textContent = '网络不给力，请重试';
        error.hidden = false;
        buttons.forEach(function (b) { b.disabled = false; });
      });
  }
  document.getElementById('pay').addEventListener('click', function () { act('pay'); });
  document.getElementById('cancel').addEventListener('click', function () { act('cancel'); });
})();
</script>`,
  );
}

export function payErrorPage(message: string, returnUrl: string): string {
  return layout(
    '微信支付（模拟）',
    `<main>
  <p class="merchant">Tidepool</p>
  <p role="alert">${escapeHtml(message)}</p>
  <a class="button" href="${escapeHtml(returnUrl)}">返回</a>
</main>`,
  );
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #ededed; color: #191919; }
  main { max-width: 420px; margin: 0 auto; padding: 32px 20px; text-align: center; }
  .merchant { font-size: 17px; margin: 0 0 8px; }
  .amount { font-size: 40px; font-weight: 600; margin: 0 0 24px; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 8px 16px; text-align: left; background: #fff; border-radius: 8px; padding: 16px; margin: 0 0 24px; }
  dt { color: #888; } dd { margin: 0; word-break: break-all; }
  button, .button { display: block; box-sizing: border-box; width: 100%; padding: 12px; margin: 0 0 12px; font-size: 17px; border: 0; border-radius: 8px; background: #fff; color: #191919; text-decoration: none; }
  button.primary { background: #07c160; color: #fff; }
  button:disabled { opacity: 0.6; }
  [role=alert] { color: #fa5151; }
  .note { color: #888; font-size: 13px; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
