{{/*
Checks that span several values, which values.schema.json cannot express; a failing one stops the
render with its reason. NOTES.txt includes it once (as Bitnami's charts call their validateValues),
so every install, upgrade and `helm template` runs it. Single values are checked by the schema.
*/}}
{{- define "todo-chatbot.validate" -}}
{{- $_ := include "todo-chatbot.databaseUrlRef" . -}}
{{- $api := .Values.api -}}
{{- $apiNeeds := add $api.preStopSleepSeconds (div (add $api.shutdownDelayMs $api.shutdownTimeoutMs 999) 1000) 5 -}}
{{- if le (int $api.terminationGracePeriodSeconds) (int $apiNeeds) -}}
{{- fail (printf "api.terminationGracePeriodSeconds (%v) must exceed api.preStopSleepSeconds + (api.shutdownDelayMs + api.shutdownTimeoutMs)/1000 + 5 s of margin = %v" $api.terminationGracePeriodSeconds $apiNeeds) -}}
{{- end -}}
{{- if le (int .Values.web.terminationGracePeriodSeconds) (int (add .Values.web.preStopSleepSeconds 5)) -}}
{{- fail (printf "web.terminationGracePeriodSeconds (%v) must exceed web.preStopSleepSeconds + 5 s of margin" .Values.web.terminationGracePeriodSeconds) -}}
{{- end -}}
{{- if and (eq .Values.config.llm.provider "openai") (not .Values.config.llm.baseUrl) (not .Values.secrets.openaiApiKey) (not .Values.secrets.existingSecret) -}}
{{- fail "config.llm.provider=openai needs secrets.openaiApiKey, secrets.existingSecret (with OPENAI_API_KEY) or config.llm.baseUrl for a server that needs no key" -}}
{{- end -}}
{{- range $component := list "api" "web" }}
{{- $scaling := (ternary $.Values.api $.Values.web (eq $component "api")).autoscaling -}}
{{- if and $scaling.enabled (eq (int $scaling.targetCPUUtilizationPercentage) 0) (eq (int $scaling.targetMemoryUtilizationPercentage) 0) -}}
{{- fail (printf "%s.autoscaling needs a CPU or memory target above 0" $component) -}}
{{- end -}}
{{- if and $scaling.enabled (gt (int $scaling.minReplicas) (int $scaling.maxReplicas)) -}}
{{- fail (printf "%s.autoscaling.minReplicas must not exceed maxReplicas" $component) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.httpRoute.enabled (not .Values.httpRoute.parentRefs) -}}
{{- fail "httpRoute.enabled needs httpRoute.parentRefs (the Gateway to attach to)" -}}
{{- end -}}
{{- if and .Values.kagent.enabled (not .Values.kagent.mcp.authSecretName) -}}
{{- fail "kagent.enabled needs kagent.mcp.authSecretName: a Secret with the `Bearer <token>` the agent sends to /mcp" -}}
{{- end -}}
{{- end -}}
