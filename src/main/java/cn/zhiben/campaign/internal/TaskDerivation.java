package cn.zhiben.campaign.internal;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a programme's checked mapping into tasks (挂图作战): at city level one task per owning unit (and one for the city
 * office where the plan names the safety committee or its office), at county level one per county office; each due on
 * the measure's last dated target in the programme, or the programme's end. Running it again adds only what is missing.
 */
@Component
class TaskDerivation {

    private final ProgrammeRepository programmes;
    private final TaskRepository tasks;

    TaskDerivation(ProgrammeRepository programmes, TaskRepository tasks) {
        this.programmes = programmes;
        this.tasks = tasks;
    }

    /** @return how many tasks were new */
    int derive(Programme p, Instant now) {
        List<Addressee> counties = programmes.parties(p.id()).stream()
                .filter(x -> x.active() && x.addressee().kind() == Addressee.Kind.COUNTY_OFFICE)
                .map(ProgrammeRepository.Party::addressee).toList();
        int made = 0;
        for (ProgrammeRepository.ActionView a : programmes.structure(p.id())) {
            for (ProgrammeRepository.MeasureView m : a.measures()) {
                LocalDate due = dueOn(p, m);
                List<Task> wanted = new ArrayList<>();
                if (m.levels().city()) {
                    if (m.officeRole() != null) {
                        wanted.add(Task.derived(p.id(), m.id(), null, Addressee.CITY_OFFICE, m.officeRole(), due));
                    }
                    for (ProgrammeRepository.OwnerView o : m.owners()) {
                        wanted.add(Task.derived(p.id(), m.id(), null, Addressee.cityUnit(o.unitId()), o.role(), due));
                    }
                }
                if (m.levels().county()) {
                    OwnerRole role = m.officeRole() != null ? m.officeRole() : OwnerRole.RESPONSIBLE;
                    for (Addressee c : counties) {
                        wanted.add(Task.derived(p.id(), m.id(), null, c, role, due));
                    }
                }
                for (Task t : wanted) {
                    if (!tasks.exists(m.id(), t.addressee())) {
                        tasks.insert(t, now);
                        made++;
                    }
                }
            }
        }
        return made;
    }

    static LocalDate dueOn(Programme p, ProgrammeRepository.MeasureView m) {
        LocalDate last = m.lastTargetDate();
        return last != null && !last.isAfter(p.endsOn()) ? last : p.endsOn();
    }
}
