package dev.sealant.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The code and config formats settings are written in, each with its own syntax and file names. */
enum Format {
  PYTHON("settings.py", "import os\n\n"),
  JAVASCRIPT("config.js", "'use strict';\n\n"),
  TYPESCRIPT("env.ts", "// generated at build time\n"),
  JAVA("AppConfig.java", "package com.acme.app;\n\npublic final class AppConfig {\n"),
  GO("config.go", "package config\n\nimport \"os\"\n\n"),
  YAML("application.yaml", "app:\n"),
  JSON("appsettings.json", "{\n"),
  DOTENV(".env", "# local settings\n"),
  PROPERTIES("application.properties", "# Spring settings\n"),
  XML("web.config.xml", "<?xml version=\"1.0\"?>\n<configuration>\n"),
  SHELL("deploy.sh", "#!/usr/bin/env bash\nset -euo pipefail\n"),
  DOCKERFILE("Dockerfile", "FROM eclipse-temurin:17-jre\nWORKDIR /app\n"),
  TERRAFORM("main.tf", "resource \"acme_service\" \"api\" {\n"),
  KUBERNETES(
      "deployment.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
          + "      - name: api\n        env:\n");

  final String fileName;
  final String header;

  Format(String fileName, String header) {
    this.fileName = fileName;
    this.header = header;
  }

  String footer() {
    switch (this) {
      case JAVA:
      case TERRAFORM:
        return "}\n";
      case JSON:
        return "  \"version\": 1\n}\n";
      case XML:
        return "</configuration>\n";
      default:
        return "";
    }
  }

  /** The lines for one setting; the value sits on the last line. */
  List<String> lines(Entry e) {
    String upper = e.key().toUpperCase(Locale.ROOT);
    String camel = camel(e.key());
    String v = e.envRef() ? envRef(upper, e.key()) : e.value();
    String q = e.envRef() ? v : "\"" + v + "\"";
    List<String> out = new ArrayList<>();
    switch (this) {
      case PYTHON -> out.add(upper + " = " + q);
      case JAVASCRIPT -> out.add("const " + camel + " = " + (e.envRef() ? v : "'" + v + "'") + ";");
      case TYPESCRIPT -> out.add("export const " + camel + ": string = " + q + ";");
      case JAVA -> out.add("  static final String " + upper + " = " + q + ";");
      case GO -> out.add("var " + camel + " = " + q);
      case YAML ->
          out.add(
              "  "
                  + e.key()
                  + ": "
                  + (e.envRef() || Character.isLetterOrDigit(v.charAt(0)) ? v : "\"" + v + "\""));
      case JSON -> out.add("  \"" + camel + "\": \"" + v + "\",");
      case DOTENV -> out.add(upper + "=" + v);
      case PROPERTIES -> out.add("app." + e.key().replace('_', '.') + "=" + v);
      case XML -> out.add("  <" + camel + ">" + v + "</" + camel + ">");
      case SHELL -> out.add("export " + upper + "=" + q);
      case DOCKERFILE -> out.add("ENV " + upper + "=" + v);
      case TERRAFORM -> out.add("  " + e.key() + " = " + q);
      case KUBERNETES -> {
        out.add("        - name: " + upper);
        out.add(
            e.envRef()
                ? "          valueFrom: {secretKeyRef: {name: app, key: " + e.key() + "}}"
                : "          value: " + q);
      }
    }
    return out;
  }

  private String envRef(String upper, String key) {
    switch (this) {
      case PYTHON:
        return "os.environ[\"" + upper + "\"]";
      case JAVASCRIPT:
      case TYPESCRIPT:
        return "process.env." + upper;
      case JAVA:
        return "System.getenv(\"" + upper + "\")";
      case GO:
        return "os.Getenv(\"" + upper + "\")";
      case YAML:
        return "\"{{ " + key + " }}\"";
      case JSON:
      case DOTENV:
      case PROPERTIES:
      case DOCKERFILE:
        return "${" + upper + "}";
      case XML:
        return "${env." + upper + "}";
      case SHELL:
        return "\"${" + upper + ":?}\"";
      case TERRAFORM:
        return "var." + key;
      default:
        return "";
    }
  }

  static String camel(String key) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  /** A comment line in this format's syntax. */
  String comment(String text) {
    switch (this) {
      case JAVASCRIPT:
      case TYPESCRIPT:
      case JAVA:
      case GO:
        return "// " + text;
      case JSON:
        return "  \"_comment_" + text.length() + "\": \"" + text + "\",";
      case XML:
        return "  <!-- " + text + " -->";
      default:
        return (this == YAML || this == KUBERNETES ? "  # " : "# ") + text;
    }
  }
}
