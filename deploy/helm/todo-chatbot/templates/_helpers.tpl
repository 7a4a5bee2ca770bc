{{/*
Naming, labels, images and the few decisions shared by several templates.
Component values are always read through literal `.Values.<component>...` paths or through a
`$c` bound to `.Values.api` / `.Values.web`, so CI can check every read against values.yaml.
*/}}

{{- define "todo-chatbot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-<chart>, or the release name alone when it already contains the chart name. */}}
{{- define "todo-chatbot.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Name of one component's objects: <fullname>-<component>, cut so it stays a DNS label.
A StatefulSet's name must leave room for the controller-revision-hash label (name + 11 <= 63).
*/}}
{{- define "todo-chatbot.componentName" -}}
{{- $max := 63 -}}
{{- if .statefulSet }}{{ $max = 52 }}{{ end -}}
{{- $suffix := printf "-%s" .component -}}
{{- printf "%s%s" (include "todo-chatbot.fullname" .root | trunc (int (sub $max (len $suffix))) | trimSuffix "-") $suffix -}}
{{- end -}}

{{- define "todo-chatbot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select one component's pods; never change them after a release exists. */}}
{{- define "todo-chatbot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-chatbot.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels of every object: call with (dict "root" $ "component" "api"). */}}
{{- define "todo-chatbot.labels" -}}
helm.sh/chart: {{ include "todo-chatbot.chart" .root }}
{{ include "todo-chatbot.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ include "todo-chatbot.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
metadata.labels and metadata.annotations of an object: call with
(dict "root" $ "component" "api" "annotations" extraAnnotations).
*/}}
{{- define "todo-chatbot.metadata" -}}
labels:
  {{- include "todo-chatbot.labels" . | nindent 2 }}
{{- $all := merge (dict) (default (dict) .annotations) .root.Values.commonAnnotations }}
{{- with $all }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "todo-chatbot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "todo-chatbot.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Image reference: registry/repository:tag@digest. The tag defaults to appVersion and is never
`latest`, so a rollout always names the exact build it runs.
Call with (dict "image" .Values.api.image "root" $).
*/}}
{{- define "todo-chatbot.image" -}}
{{- $tag := toString (default .root.Chart.AppVersion .image.tag) -}}
{{- if eq $tag "latest" -}}
{{- fail (printf "image %s: the tag `latest` is not allowed; pin a version (the default is the chart's appVersion)" .image.repository) -}}
{{- end -}}
{{- $repo := .image.repository -}}
{{- if .image.registry }}{{ $repo = printf "%s/%s" .image.registry .image.repository }}{{ end -}}
{{- if .image.digest -}}
{{- printf "%s:%s@%s" $repo $tag .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{- define "todo-chatbot.imagePullSecrets" -}}
{{- with .Values.imagePullSecrets -}}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end -}}
{{- end -}}

{{/* Host names the app is served on, from the ingress or the HTTPRoute. */}}
{{- define "todo-chatbot.routeHostnames" -}}
{{- if .Values.httpRoute.hostnames -}}
{{- toJson .Values.httpRoute.hostnames -}}
{{- else -}}
{{- toJson (list .Values.ingress.host) -}}
{{- end -}}
{{- end -}}

{{/* PUBLIC_URL: the URL browsers use; it decides the trusted origin and secure cookies. */}}
{{- define "todo-chatbot.publicUrl" -}}
{{- if .Values.config.publicUrl -}}
{{- .Values.config.publicUrl | trimSuffix "/" -}}
{{- else if .Values.ingress.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- else if .Values.httpRoute.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.httpRoute.https) (first (include "todo-chatbot.routeHostnames" . | fromJsonArray)) -}}
{{- else -}}
{{- printf "http://localhost:%v" .Values.web.service.port -}}
{{- end -}}
{{- end -}}

{{- define "todo-chatbot.apiSecretName" -}}
{{- default (include "todo-chatbot.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "todo-chatbot.postgresqlName" -}}
{{- include "todo-chatbot.componentName" (dict "root" . "component" "postgresql" "statefulSet" true) -}}
{{- end -}}

{{/* The Secret and key that hold DATABASE_URL. PGlite is never an option in the cluster. */}}
{{- define "todo-chatbot.databaseUrlRef" -}}
{{- if .Values.postgresql.enabled -}}
{{- dict "name" (include "todo-chatbot.postgresqlName" .) "key" "DATABASE_URL" | toJson -}}
{{- else if .Values.externalDatabase.existingSecret -}}
{{- dict "name" .Values.externalDatabase.existingSecret "key" .Values.externalDatabase.existingSecretKey | toJson -}}
{{- else if .Values.externalDatabase.url -}}
{{- dict "name" (include "todo-chatbot.fullname" .) "key" "DATABASE_URL" | toJson -}}
{{- else -}}
{{- fail "no database: set postgresql.enabled=true, externalDatabase.existingSecret or externalDatabase.url (the API never runs on embedded PGlite in a cluster)" -}}
{{- end -}}
{{- end -}}

{{/*
A value for a generated Secret key: the explicit value, else the value already in the cluster
(so upgrades keep it), else a new random one. Returns the plain (not base64) value.
Call with (dict "root" $ "secret" name "key" key "value" explicit "length" n).
*/}}
{{- define "todo-chatbot.secretValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret -}}
{{- if .value -}}
{{- .value -}}
{{- else if and $existing $existing.data (hasKey $existing.data .key) -}}
{{- index $existing.data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum (int .length) -}}
{{- end -}}
{{- end -}}

{{/*
Checksum of everything the API's configuration is made from, for a pod annotation: changing
a setting or a secret given to the chart rolls the pods. Generated secrets never change, so
they are left out (they would make every `helm template` differ).
*/}}
{{- define "todo-chatbot.apiChecksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ list .Values.secrets .Values.externalDatabase .Values.postgresql.auth .Values.postgresql.enabled | toJson | sha256sum }}
{{- end -}}

{{/* Topology spread over the configured keys; ScheduleAnyway keeps a one-node cluster working. */}}
{{- define "todo-chatbot.topologySpread" -}}
{{- $c := .values -}}
{{- if $c.topologySpread.enabled -}}
topologySpreadConstraints:
  {{- range $c.topologySpread.topologyKeys }}
  - maxSkew: {{ $c.topologySpread.maxSkew }}
    topologyKey: {{ . }}
    whenUnsatisfiable: {{ $c.topologySpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "todo-chatbot.selectorLabels" $ | nindent 8 }}
    matchLabelKeys:
      - pod-template-hash
  {{- end }}
{{- end }}
{{- end -}}

{{/* An HTTP probe from the component's probe values. */}}
{{- define "todo-chatbot.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
successThreshold: {{ default 1 .probe.successThreshold }}
{{- end -}}

{{/* The fewest replicas a component can run with: decides whether a PDB can block a drain. */}}
{{- define "todo-chatbot.minReplicas" -}}
{{- if .autoscaling.enabled -}}{{ .autoscaling.minReplicas }}{{- else -}}{{ .replicaCount }}{{- end -}}
{{- end -}}

{{/* API_UPSTREAM of the web pods: the API Service of this release. */}}
{{- define "todo-chatbot.webApiUpstream" -}}
{{- printf "http://%s:%v" (include "todo-chatbot.componentName" (dict "root" . "component" "api")) .Values.api.service.port -}}
{{- end -}}

{{/* A `helm test` pod running a shell script with curl, under the restricted profile. */}}
{{- define "todo-chatbot.testPod" -}}
{{- $root := .root -}}
{{- $t := $root.Values.tests -}}
{{- $ctx := dict "root" $root "component" "test" -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "todo-chatbot.componentName" (dict "root" $root "component" (printf "test-%s" .name)) }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "todo-chatbot.labels" $ctx | nindent 4 }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
    {{- with $root.Values.commonAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  restartPolicy: Never
  activeDeadlineSeconds: 180
  serviceAccountName: {{ include "todo-chatbot.serviceAccountName" $root }}
  automountServiceAccountToken: false
  enableServiceLinks: false
  {{- with include "todo-chatbot.imagePullSecrets" $root }}
  {{- . | nindent 2 }}
  {{- end }}
  securityContext:
    runAsNonRoot: true
    runAsUser: {{ $t.runAsUser }}
    runAsGroup: {{ $t.runAsUser }}
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: {{ .name }}
      image: {{ include "todo-chatbot.image" (dict "image" $t.image "root" $root) }}
      imagePullPolicy: {{ $t.image.pullPolicy }}
      command: ["/bin/sh", "-ec"]
      args:
        - |
          {{- .script | trim | nindent 10 }}
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ $t.runAsUser }}
        runAsGroup: {{ $t.runAsUser }}
        readOnlyRootFilesystem: true
        allowPrivilegeEscalation: false
        privileged: false
        capabilities:
          drop: ["ALL"]
        seccompProfile:
          type: RuntimeDefault
      resources:
        {{- toYaml $t.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 16Mi
{{- end -}}
