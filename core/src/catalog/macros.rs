//! Shorthands shared by the catalog files.

/// One documented error code: `e!("10020", Authentication, "meaning")`.
macro_rules! e {
    ($code:literal, $kind:ident, $meaning:literal) => {
        ServiceError {
            code: $code,
            meaning: $meaning,
            kind: $crate::error::ErrorKind::$kind,
        }
    };
}

/// An EOP-gateway operation's own codes, then the envelope codes of manual 002
/// §6.2.4 (2.7), then the gateway-wide codes (manual 000 §4.1.3, 002 §6.1.3,
/// 全局请求返回错误码).
macro_rules! with_eop_gateway_errors {
    ($($own:expr),* $(,)?) => {
        &[
            $($own,)*
            e!("AI_OP_40017", Crypto, "加密参数不符合要求 (envelope body malformed)"),
            e!("AI_OP_40018", Crypto, "ciphertextBlob/encryptedBody 哈希值不匹配 (HMAC-SM3 mismatch, possible tampering)"),
            e!("AI_OP_40019", Crypto, "SM2解密失败 (SM2 decryption failed, e.g. wrong public key)"),
            e!("AI_OP_40020", Crypto, "SM4加密失败/SM4解密失败 (SM4 encryption/decryption failed)"),
            e!("10002", Authentication, "生成签名时官网ak信息错误 (AccessKey unknown when signing)"),
            e!("10020", Authentication, "签名错误 (signature mismatch)"),
            e!("40002", Authentication, "缺少appkey头 (appkey header missing)"),
            e!("40006", Authentication, "无效的appkey (invalid appkey)"),
            e!("40008", Service, "不支持的请求类型 (unsupported request type)"),
            e!("40009", Authentication, "IP未被APP授权 (IP not authorised for the app)"),
            e!("40010", Authentication, "IP未被API授权 (IP not authorised for the API)"),
            e!("50000", Service, "服务内部错误 (gateway internal error)"),
            e!("50001", Service, "服务未注册 (service not registered)"),
            e!("50002", Service, "应用未开通 (capability not enabled for the app)"),
            e!("50003", Service, "API中无效的URL请求 (invalid URL)"),
            e!("51001", Service, "购买服务已过期 (purchased package expired)"),
            e!("51002", Service, "收费API未购买 (paid API not purchased)"),
            e!("51003", Service, "API可用次数已不足 (call quota exhausted)"),
        ]
    };
}

/// Face operations (manual 002) that list the gateway's body-format codes first:
/// those three, then the operation's own, then the EOP gateway list.
macro_rules! with_body_format_errors {
    ($($own:expr),* $(,)?) => {
        with_eop_gateway_errors![
            e!("CTAPI_10000", Service, "API Not Found"),
            e!("CTAPI_0009", Service, "无效json的body参数 (body is not valid JSON)"),
            e!("AI_OP_400005", Service, "请求体类型错误 (body must be a JSON object)"),
            $($own),*
        ]
    };
}
