/**
 * Tip-offs (举报) from the public and by hotline, letter or visit: triage, routing to the responsible unit (三管三必须),
 * verification, hazards from verified tip-offs, the reporter's sealed identity, and rewards under versioned rules
 * (安全生产法 Arts. 73, 74, 76; 安监总财〔2018〕19号; plan items 25 and 31).
 */
package cn.zhiben.tipoffs;
