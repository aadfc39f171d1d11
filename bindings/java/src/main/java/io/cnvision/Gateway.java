package io.cnvision;

/** The gateways (base URL families) an endpoint override applies to. */
public enum Gateway {
    /** {@code https://ai-global.ctapi.ctyun.cn}: EOP signature (manuals 000, 002). */
    CTYUN_EOP("ctyun_eop"),
    /** {@code https://ai.ctyun.cn/v1/aiop/api/...}: {@code Sign} MD5 (manual 001). */
    CTYUN_AIOP("ctyun_aiop"),
    /** {@code https://ai.ctyun.cn} 2019 face API: {@code CTYUN} HMAC (manual 003). */
    CTYUN_2019("ctyun2019"),
    /** {@code https://image.{region}.myhuaweicloud.com} (manual 004). */
    HUAWEI_IMAGE("huawei_image"),
    /** {@code https://iam.{region}.myhuaweicloud.com}: tokens and projects (manual 004). */
    HUAWEI_IAM("huawei_iam");

    private final String wireName;

    Gateway(String wireName) {
        this.wireName = wireName;
    }

    /** The core's snake_case name (as in the catalog JSON). */
    public String wireName() {
        return wireName;
    }
}
