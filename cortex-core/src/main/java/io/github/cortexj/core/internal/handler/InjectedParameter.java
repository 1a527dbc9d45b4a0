package io.github.cortexj.core.internal.handler;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.HandlerInit;
import java.lang.reflect.Type;

/**
 * What one constructor parameter of a handler class receives, decided once when the class is inspected.
 * Implementations are immutable and thread safe.
 */
public sealed interface InjectedParameter {

  /**
   * Returns what the parameter asks for; a constructor may ask for each role at most once.
   *
   * @return the role
   */
  Role role();

  /**
   * Produces the argument from what the runtime gives.
   *
   * @param init what the runtime gives
   * @return the argument
   * @throws IllegalArgumentException when a record or POJO cannot be bound from the config (Jackson's failure is
   *     its cause)
   */
  Object supply(HandlerInit init);

  /** What a parameter asks for. */
  enum Role {
    /** The merged config, in any form. */
    CONFIG("the config"),
    /** The job spec. */
    JOB_SPEC("the JobSpec"),
    /** The metrics client. */
    METRICS("the MetricsClient"),
    /** The project files. */
    PROJECT_FILES("the ProjectFiles"),
    /** The cluster's client. */
    CLIENT("the CortexClient");

    private final String description;

    Role(String description) {
      this.description = description;
    }

    /**
     * Describes the role for messages.
     *
     * @return for example {@code the config}
     */
    public String description() {
      return description;
    }
  }

  /** The merged config as the unmodifiable map. */
  record ConfigMap() implements InjectedParameter {
    @Override
    public Role role() {
      return Role.CONFIG;
    }

    @Override
    public Object supply(HandlerInit init) {
      return init.config();
    }
  }

  /** The merged config as a fresh JSON tree. */
  record ConfigTree() implements InjectedParameter {
    @Override
    public Role role() {
      return Role.CONFIG;
    }

    @Override
    public Object supply(HandlerInit init) {
      return init.configTree();
    }
  }

  /**
   * The merged config bound to a record or POJO with the runtime's mapper.
   *
   * @param type the parameter's generic type
   */
  record ConfigBean(Type type) implements InjectedParameter {
    @Override
    public Role role() {
      return Role.CONFIG;
    }

    @Override
    public Object supply(HandlerInit init) {
      ObjectMapper mapper = init.objectMapper();
      JavaType javaType = mapper.constructType(type);
      Object value = mapper.convertValue(init.config(), javaType);
      if (value == null) {
        throw new IllegalArgumentException("the binding gave null");
      }
      return value;
    }
  }

  /** The job spec (batch handlers only). */
  record JobSpecParameter() implements InjectedParameter {
    @Override
    public Role role() {
      return Role.JOB_SPEC;
    }

    @Override
    public Object supply(HandlerInit init) {
      return init.jobSpec()
          .orElseThrow(() -> new IllegalStateException("the runtime gave no JobSpec to a batch handler"));
    }
  }

  /** The metrics client. */
  record Metrics() implements InjectedParameter {
    @Override
    public Role role() {
      return Role.METRICS;
    }

    @Override
    public Object supply(HandlerInit init) {
      return init.metrics();
    }
  }

  /** The project files. */
  record ProjectFilesParameter() implements InjectedParameter {
    @Override
    public Role role() {
      return Role.PROJECT_FILES;
    }

    @Override
    public Object supply(HandlerInit init) {
      return init.projectFiles();
    }
  }

  /** The cluster's client. */
  record Client() implements InjectedParameter {
    @Override
    public Role role() {
      return Role.CLIENT;
    }

    @Override
    public Object supply(HandlerInit init) {
      return init.client();
    }
  }
}
