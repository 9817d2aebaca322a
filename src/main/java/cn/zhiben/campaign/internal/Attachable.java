package cn.zhiben.campaign.internal;

import java.time.Instant;

/** A record that takes evidence files: it decides who may attach now and notes each file in its history. */
interface Attachable {

    /** Throws unless the actor may attach a file to this record now. */
    void requireAttach(Actor actor);

    /** Notes the attached file in the record's history. */
    void attached(Actor actor, Instant at, String fileName);
}
