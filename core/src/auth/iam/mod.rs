//! Huawei IAM tokens and project ids (being written).
