package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.BoardService;
import cn.zhiben.campaign.internal.CampaignNames;
import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.Programme;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.TaskAction;
import cn.zhiben.campaign.internal.TaskRepository;
import cn.zhiben.campaign.internal.TaskService;
import cn.zhiben.campaign.internal.TaskStatus;
import cn.zhiben.campaign.internal.Views;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/** 挂图作战, a measure with its evidence, the task lists and a task's page with the steps the user may take. */
@Controller
@RequestMapping("/campaign")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class BoardPageController {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private final ProgrammeService programmes;
    private final BoardService board;
    private final TaskService tasks;
    private final CampaignNames names;
    private final CampaignTime time;

    BoardPageController(ProgrammeService programmes, BoardService board, TaskService tasks, CampaignNames names,
                        CampaignTime time) {
        this.programmes = programmes;
        this.board = board;
        this.tasks = tasks;
        this.names = names;
        this.time = time;
    }

    Programme programme(UUID id) {
        if (id != null) {
            return programmes.get(id);
        }
        return programmes.current().orElseThrow(() -> ProblemException.notFound("PROGRAMME_NOT_FOUND", "尚无方案"));
    }

    void programmes(Model model, Programme selected) {
        model.addAttribute("programmes", programmes.list().stream().map(Views::of).toList());
        model.addAttribute("programme", Views.of(selected));
    }

    @GetMapping
    String board(@RequestParam(required = false) UUID programme, Model model) {
        CampaignWeb.requireParticipant();
        Programme p = programme(programme);
        programmes(model, p);
        model.addAttribute("board", board.board(p));
        return "campaign/board";
    }

    @GetMapping("/measures/{id:" + UUID_PATTERN + "}")
    String measure(@PathVariable UUID id, Model model) {
        CampaignWeb.requireParticipant();
        model.addAttribute("m", board.measure(id));
        model.addAttribute("today", time.today());
        return "campaign/measure";
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(required = false) UUID programme, @RequestParam(required = false) TaskStatus status,
                 @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String region,
                 @RequestParam(required = false) UUID unit, Model model) {
        CurrentUser user = CampaignWeb.requireParticipant();
        Programme p = programme(programme);
        programmes(model, p);
        List<TaskRepository.Row> rows = tasks.search(new TaskRepository.Filter(p.id(), null, status, overdue, unit, region,
                time.today()), 2000);
        model.addAttribute("rows", rows);
        model.addAttribute("names", names.snapshot());
        model.addAttribute("today", time.today());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("filter", new TaskFilter(status == null ? "" : status.name(), overdue == null ? "" : overdue.toString(),
                region == null ? "" : region, unit == null ? "" : unit.toString()));
        model.addAttribute("office", user.role() == cn.zhiben.platform.security.Role.CITY_OFFICE);
        model.addAttribute("counties", names.counties());
        model.addAttribute("units", names.snapshot().units().stream().filter(CommitteeUnit::active).toList());
        return "campaign/tasks";
    }

    record TaskFilter(String status, String overdue, String region, String unit) {
    }

    @GetMapping("/tasks/{id:" + UUID_PATTERN + "}")
    String task(@PathVariable UUID id, Model model) {
        CampaignWeb.requireParticipant();
        TaskService.Detail d = tasks.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("actions", d.actions().stream().map(TaskAction::name).toList());
        model.addAttribute("onBehalf", !d.task().addressee().heldBy(CurrentUser.require()));
        model.addAttribute("today", time.today());
        model.addAttribute("names", names.snapshot());
        if (d.actions().contains(TaskAction.DELEGATE)) {
            model.addAttribute("units", names.snapshot().units().stream().filter(u -> u.active() && u.category() <= 2).toList());
        }
        return "campaign/task";
    }

    @PostMapping("/tasks/{id:" + UUID_PATTERN + "}/{verb:start|progress|complete|reopen|delegate}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, verb, () -> {
            String done = switch (verb) {
                case "start" -> {
                    var r = Forms.bind(form, TaskApiController.NoteRequest.class);
                    tasks.start(id, r.version(), r.note());
                    yield "已开始推进";
                }
                case "progress" -> {
                    var r = Forms.bind(form, TaskApiController.ProgressRequest.class);
                    tasks.progress(id, r.version(), r.note(), r.percent());
                    yield "进展已报告";
                }
                case "complete" -> {
                    var r = Forms.bind(form, TaskApiController.CompleteRequest.class);
                    tasks.complete(id, r.version(), r.note(), r.completedOn());
                    yield "已报告完成";
                }
                case "reopen" -> {
                    var r = Forms.bind(form, TaskApiController.NoteRequest.class);
                    tasks.reopen(id, r.version(), r.note());
                    yield "已退回重新推进";
                }
                default -> {
                    var r = Forms.bind(form, TaskApiController.DelegateRequest.class, "unitIds");
                    yield "已分解到 " + tasks.delegate(id, r.version(), r.unitIds()).size() + " 个县级部门";
                }
            };
            redirect.addFlashAttribute("saved", done);
            return "redirect:/campaign/tasks/" + id;
        }, () -> task(id, model));
    }

    @PostMapping("/tasks/{id:" + UUID_PATTERN + "}/attachments")
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, "attach", () -> {
            var a = tasks.attach(id, file);
            redirect.addFlashAttribute("saved", "已上传“" + a.fileName() + "”");
            return "redirect:/campaign/tasks/" + id;
        }, () -> task(id, model));
    }

    @GetMapping("/tasks/attachments/{attachmentId:" + UUID_PATTERN + "}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(tasks.download(attachmentId));
    }
}
