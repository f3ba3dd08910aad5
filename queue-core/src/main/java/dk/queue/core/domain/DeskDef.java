package dk.queue.core.domain;

import java.io.Serializable;

/** A desk (skranke) as configured. */
public record DeskDef(String id, String name) implements Serializable {}
