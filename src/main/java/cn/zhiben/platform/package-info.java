/**
 * Shared kernel: embedded database, error responses, current user and data scope, field encryption, clock, Excel helpers.
 * Open so that every module may use its subpackages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.zhiben.platform;
