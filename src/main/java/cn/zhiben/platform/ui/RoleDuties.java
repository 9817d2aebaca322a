package cn.zhiben.platform.ui;

import cn.zhiben.platform.security.Role;

import java.util.List;

/** What each role is for, shown on its home page (the plan's wording where it has one). */
final class RoleDuties {

    private RoleDuties() {
    }

    static List<String> of(Role role) {
        return switch (role) {
            case CITY_OFFICE -> List.of("两级调度、挂牌督办、两级比对", "专项行动跟踪与评估", "维护行业领域与监管职责（三管三必须）");
            case MEMBER_UNIT -> List.of("本行业领域企业监管与执法检查", "牵头领域市级挂牌重大事故隐患的现场审核销号、延期审批",
                    "部门“两个指标”");
            case COUNTY_OFFICE -> List.of("本县（市、区）重大事故隐患统筹调度、县级挂牌督办与摘牌确认", "责任倒查办结",
                    "向市安委办报送与比对数据");
            case COUNTY_UNIT -> List.of("本县本行业领域企业监管与检查", "牵头领域重大事故隐患的现场审核销号、延期审批");
            case TOWNSHIP -> List.of("辖区巡查与一线检查", "企业台账维护");
            case ENTERPRISE -> List.of("隐患自查自改与两级确认", "重大事故隐患直报与整改", "维护本企业信息");
            case EXPERT -> List.of("对被指派的企业以“专家/第三方服务机构”渠道登记隐患、上传附件（按指派期限）",
                    "参与检查与隐患判定");
            case SYS_ADMIN -> List.of("系统参数与运行维护（无权查看审计日志、无权管理账号）");
            case SEC_ADMIN -> List.of("账号、角色与数据范围管理", "解锁账号、重置密码（无权查看审计日志）",
                    "三员账号的新建、授予和管理员密码重置须另一名管理员批准");
            case AUDIT_ADMIN -> List.of("审计日志查询与完整性校验（无权管理账号）", "审批三员账号的新建、授予和管理员密码重置");
        };
    }
}
