//! Operation ids of the typed methods, and the table mapping every catalog id to
//! its typed method (`Client::<group>().<method>`). Each typed method calls with its
//! constant from here; `tests/client_typed.rs` checks the table covers the catalog.

/// `ctyun.safety.hat_detect` → `Client::ctyun_safety().hat_detect`.
pub const CTYUN_SAFETY_HAT_DETECT: &str = "ctyun.safety.hat_detect";
/// `ctyun.safety.quality_detect` → `Client::ctyun_safety().quality_detect`.
pub const CTYUN_SAFETY_QUALITY_DETECT: &str = "ctyun.safety.quality_detect";
/// `ctyun.safety.fas_shake` → `Client::ctyun_safety().fas_shake`.
pub const CTYUN_SAFETY_FAS_SHAKE: &str = "ctyun.safety.fas_shake";
/// `ctyun.safety.fas_up` → `Client::ctyun_safety().fas_up`.
pub const CTYUN_SAFETY_FAS_UP: &str = "ctyun.safety.fas_up";
/// `ctyun.safety.fas_down` → `Client::ctyun_safety().fas_down`.
pub const CTYUN_SAFETY_FAS_DOWN: &str = "ctyun.safety.fas_down";
/// `ctyun.safety.fas_left` → `Client::ctyun_safety().fas_left`.
pub const CTYUN_SAFETY_FAS_LEFT: &str = "ctyun.safety.fas_left";
/// `ctyun.safety.fas_mouth` → `Client::ctyun_safety().fas_mouth`.
pub const CTYUN_SAFETY_FAS_MOUTH: &str = "ctyun.safety.fas_mouth";
/// `ctyun.safety.fas_eye` → `Client::ctyun_safety().fas_eye`.
pub const CTYUN_SAFETY_FAS_EYE: &str = "ctyun.safety.fas_eye";
/// `ctyun.safety.fas_right` → `Client::ctyun_safety().fas_right`.
pub const CTYUN_SAFETY_FAS_RIGHT: &str = "ctyun.safety.fas_right";
/// `ctyun.safety.fall_detect` → `Client::ctyun_safety().fall_detect`.
pub const CTYUN_SAFETY_FALL_DETECT: &str = "ctyun.safety.fall_detect";
/// `ctyun.safety.fight_detect` → `Client::ctyun_safety().fight_detect`.
pub const CTYUN_SAFETY_FIGHT_DETECT: &str = "ctyun.safety.fight_detect";
/// `ctyun.safety_aiop.hat_detect` → `Client::ctyun_safety_aiop().hat_detect`.
pub const CTYUN_SAFETY_AIOP_HAT_DETECT: &str = "ctyun.safety_aiop.hat_detect";
/// `ctyun.safety_aiop.clothes_detect` → `Client::ctyun_safety_aiop().clothes_detect`.
pub const CTYUN_SAFETY_AIOP_CLOTHES_DETECT: &str = "ctyun.safety_aiop.clothes_detect";
/// `ctyun.safety_aiop.electronic_fence` → `Client::ctyun_safety_aiop().electronic_fence`.
pub const CTYUN_SAFETY_AIOP_ELECTRONIC_FENCE: &str = "ctyun.safety_aiop.electronic_fence";
/// `ctyun.face.detect` → `Client::ctyun_face().detect`.
pub const CTYUN_FACE_DETECT: &str = "ctyun.face.detect";
/// `ctyun.face.attributes` → `Client::ctyun_face().attributes`.
pub const CTYUN_FACE_ATTRIBUTES: &str = "ctyun.face.attributes";
/// `ctyun.face.compare` → `Client::ctyun_face().compare`.
pub const CTYUN_FACE_COMPARE: &str = "ctyun.face.compare";
/// `ctyun.face.silent_liveness` → `Client::ctyun_face().silent_liveness`.
pub const CTYUN_FACE_SILENT_LIVENESS: &str = "ctyun.face.silent_liveness";
/// `ctyun.face.real_name_auth` → `Client::ctyun_face().real_name_auth`.
pub const CTYUN_FACE_REAL_NAME_AUTH: &str = "ctyun.face.real_name_auth";
/// `ctyun.face.action_liveness` → `Client::ctyun_face().action_liveness`.
pub const CTYUN_FACE_ACTION_LIVENESS: &str = "ctyun.face.action_liveness";
/// `ctyun.face2019.detect` → `Client::ctyun_face2019().detect`.
pub const CTYUN_FACE2019_DETECT: &str = "ctyun.face2019.detect";
/// `ctyun.face2019.analyse` → `Client::ctyun_face2019().analyse`.
pub const CTYUN_FACE2019_ANALYSE: &str = "ctyun.face2019.analyse";
/// `ctyun.face2019.compare` → `Client::ctyun_face2019().compare`.
pub const CTYUN_FACE2019_COMPARE: &str = "ctyun.face2019.compare";
/// `huawei.image.media_tagging` → `Client::huawei_image().media_tagging`.
pub const HUAWEI_IMAGE_MEDIA_TAGGING: &str = "huawei.image.media_tagging";
/// `huawei.image.media_tagging_det` → `Client::huawei_image().media_tagging_det`.
pub const HUAWEI_IMAGE_MEDIA_TAGGING_DET: &str = "huawei.image.media_tagging_det";
/// `huawei.image.celebrity_recognition` → `Client::huawei_image().celebrity_recognition`.
pub const HUAWEI_IMAGE_CELEBRITY_RECOGNITION: &str = "huawei.image.celebrity_recognition";
/// `huawei.image.main_object_detection` → `Client::huawei_image().main_object_detection`.
pub const HUAWEI_IMAGE_MAIN_OBJECT_DETECTION: &str = "huawei.image.main_object_detection";
/// `huawei.image.recapture_detect` → `Client::huawei_image().recapture_detect`.
pub const HUAWEI_IMAGE_RECAPTURE_DETECT: &str = "huawei.image.recapture_detect";
/// `huawei.image.tagging_v2` → `Client::huawei_image().tagging_v2`.
pub const HUAWEI_IMAGE_TAGGING_V2: &str = "huawei.image.tagging_v2";
/// `huawei.image.tagging_v1` → `Client::huawei_image().tagging_v1`.
pub const HUAWEI_IMAGE_TAGGING_V1: &str = "huawei.image.tagging_v1";
/// `huawei.image.dark_enhance` → `Client::huawei_image().dark_enhance`.
pub const HUAWEI_IMAGE_DARK_ENHANCE: &str = "huawei.image.dark_enhance";
/// `huawei.image.defog` → `Client::huawei_image().defog`.
pub const HUAWEI_IMAGE_DEFOG: &str = "huawei.image.defog";
/// `huawei.image.super_resolution` → `Client::huawei_image().super_resolution`.
pub const HUAWEI_IMAGE_SUPER_RESOLUTION: &str = "huawei.image.super_resolution";
/// `huawei.image.bgm_recognition` → `Client::huawei_image().bgm_recognition`.
pub const HUAWEI_IMAGE_BGM_RECOGNITION: &str = "huawei.image.bgm_recognition";
/// `huawei.iam.token` → `Client::huawei_iam().token`.
pub const HUAWEI_IAM_TOKEN: &str = "huawei.iam.token";
/// `huawei.iam.projects` → `Client::huawei_iam().projects`.
pub const HUAWEI_IAM_PROJECTS: &str = "huawei.iam.projects";

/// (operation id, typed method) for every catalog operation, in catalog order.
pub const OPERATIONS: &[(&str, &str)] = &[
    (CTYUN_SAFETY_HAT_DETECT, "ctyun_safety().hat_detect"),
    (CTYUN_SAFETY_QUALITY_DETECT, "ctyun_safety().quality_detect"),
    (CTYUN_SAFETY_FAS_SHAKE, "ctyun_safety().fas_shake"),
    (CTYUN_SAFETY_FAS_UP, "ctyun_safety().fas_up"),
    (CTYUN_SAFETY_FAS_DOWN, "ctyun_safety().fas_down"),
    (CTYUN_SAFETY_FAS_LEFT, "ctyun_safety().fas_left"),
    (CTYUN_SAFETY_FAS_MOUTH, "ctyun_safety().fas_mouth"),
    (CTYUN_SAFETY_FAS_EYE, "ctyun_safety().fas_eye"),
    (CTYUN_SAFETY_FAS_RIGHT, "ctyun_safety().fas_right"),
    (CTYUN_SAFETY_FALL_DETECT, "ctyun_safety().fall_detect"),
    (CTYUN_SAFETY_FIGHT_DETECT, "ctyun_safety().fight_detect"),
    (
        CTYUN_SAFETY_AIOP_HAT_DETECT,
        "ctyun_safety_aiop().hat_detect",
    ),
    (
        CTYUN_SAFETY_AIOP_CLOTHES_DETECT,
        "ctyun_safety_aiop().clothes_detect",
    ),
    (
        CTYUN_SAFETY_AIOP_ELECTRONIC_FENCE,
        "ctyun_safety_aiop().electronic_fence",
    ),
    (CTYUN_FACE_DETECT, "ctyun_face().detect"),
    (CTYUN_FACE_ATTRIBUTES, "ctyun_face().attributes"),
    (CTYUN_FACE_COMPARE, "ctyun_face().compare"),
    (CTYUN_FACE_SILENT_LIVENESS, "ctyun_face().silent_liveness"),
    (CTYUN_FACE_REAL_NAME_AUTH, "ctyun_face().real_name_auth"),
    (CTYUN_FACE_ACTION_LIVENESS, "ctyun_face().action_liveness"),
    (CTYUN_FACE2019_DETECT, "ctyun_face2019().detect"),
    (CTYUN_FACE2019_ANALYSE, "ctyun_face2019().analyse"),
    (CTYUN_FACE2019_COMPARE, "ctyun_face2019().compare"),
    (HUAWEI_IMAGE_MEDIA_TAGGING, "huawei_image().media_tagging"),
    (
        HUAWEI_IMAGE_MEDIA_TAGGING_DET,
        "huawei_image().media_tagging_det",
    ),
    (
        HUAWEI_IMAGE_CELEBRITY_RECOGNITION,
        "huawei_image().celebrity_recognition",
    ),
    (
        HUAWEI_IMAGE_MAIN_OBJECT_DETECTION,
        "huawei_image().main_object_detection",
    ),
    (
        HUAWEI_IMAGE_RECAPTURE_DETECT,
        "huawei_image().recapture_detect",
    ),
    (HUAWEI_IMAGE_TAGGING_V2, "huawei_image().tagging_v2"),
    (HUAWEI_IMAGE_TAGGING_V1, "huawei_image().tagging_v1"),
    (HUAWEI_IMAGE_DARK_ENHANCE, "huawei_image().dark_enhance"),
    (HUAWEI_IMAGE_DEFOG, "huawei_image().defog"),
    (
        HUAWEI_IMAGE_SUPER_RESOLUTION,
        "huawei_image().super_resolution",
    ),
    (
        HUAWEI_IMAGE_BGM_RECOGNITION,
        "huawei_image().bgm_recognition",
    ),
    (HUAWEI_IAM_TOKEN, "huawei_iam().token"),
    (HUAWEI_IAM_PROJECTS, "huawei_iam().projects"),
];
