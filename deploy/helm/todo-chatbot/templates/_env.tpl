{{/*
The environment of the API container and of the migration init container, from one place so the
two cannot drift: the ConfigMap, the secrets as secretKeyRefs, then the user's extras.
*/}}
{{- define "todo-chatbot.apiEnv" -}}
{{- $c := .Values.api -}}
envFrom:
  - configMapRef:
      name: {{ include "todo-chatbot.componentName" (dict "root" . "component" "api") }}
  {{- with $c.extraEnvFrom }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
env:
  {{- include "todo-chatbot.apiSecretEnv" . | nindent 2 }}
  {{- with $c.extraEnvVars }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/* The API's secret environment: never in the ConfigMap, always a secretKeyRef. */}}
{{- define "todo-chatbot.apiSecretEnv" -}}
{{- $db := include "todo-chatbot.databaseUrlRef" . | fromJson -}}
{{- $secretName := include "todo-chatbot.apiSecretName" . -}}
- name: BETTER_AUTH_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secretName }}
      key: {{ ternary .Values.secrets.existingSecretKeys.betterAuthSecret "BETTER_AUTH_SECRET" (ne .Values.secrets.existingSecret "") }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $db.name }}
      key: {{ $db.key }}
{{- if .Values.secrets.existingSecret }}
- name: OPENAI_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secretName }}
      key: {{ .Values.secrets.existingSecretKeys.openaiApiKey }}
      optional: true
{{- else if .Values.secrets.openaiApiKey }}
- name: OPENAI_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secretName }}
      key: OPENAI_API_KEY
{{- end }}
{{- end -}}
