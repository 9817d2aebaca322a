/**
 * The library of major-accident-hazard determination standards (一行业一清单): versioned standards, their clauses,
 * local clauses and corrections, and the checklist of clauses that apply to an enterprise on a date.
 * The API for other modules is {@link cn.zhiben.standards.StandardsLibrary}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit", "org"})
package cn.zhiben.standards;
