Feature: kubectl rollout restart replaces every pod through a rolling update
  `kubectl rollout restart` (kubectl reference, "kubectl rollout restart") puts the annotation
  `kubectl.kubernetes.io/restartedAt` with the current time into the pod template. That is a change
  of the template, so the Deployment controller rolls out a new ReplicaSet, the same containers in
  new pods, within the usual maxSurge and maxUnavailable; the old ReplicaSet stays for rolling back.

  Background:
    Given a cluster
    And image pulls take 10 seconds
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out
    And 1 minute passes

  Scenario: A restart is a new revision with the same image
    The image is on every node by now, so each new pod is ready as soon as it is created.

    Given from now on, deployment "nginx-deployment" should always have at least 3 available replicas
    And from now on, deployment "nginx-deployment" should never have more than 4 pods
    When I run "kubectl rollout restart deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment restarted
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 2
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready |
      | 1        | nginx:1.14.2 | 0        | 0     |
      | 2        | nginx:1.14.2 | 3        | 3     |
    And the events of deployment "nginx-deployment" should include:
      | message     | at   |
      | from 0 to 1 | 1m10s |
      | from 1 to 0 | 1m10s |
    When I run "kubectl get deployment nginx-deployment -o jsonpath='{.spec.template.metadata.annotations}'"
    Then the output should contain "kubectl.kubernetes.io/restartedAt"
    When I run "kubectl rollout history deployment/nginx-deployment --revision=2"
    Then the output should contain "kubectl.kubernetes.io/restartedAt: "

  Scenario: A second restart within the same second is refused
    kubectl writes the time to the second, so a second restart in the same second would change
    nothing.

    When I run "kubectl rollout restart deployment/nginx-deployment"
    And I run "kubectl rollout restart deployment/nginx-deployment"
    Then the command should fail with "error: failed to create patch for nginx-deployment: if restart has already been triggered within the past second, please wait before attempting to trigger another"
    When 1 second passes
    And I run "kubectl rollout restart deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment restarted
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be at revision 3

  Scenario: A paused Deployment cannot be restarted
    When I run "kubectl rollout pause deployment/nginx-deployment"
    And I run "kubectl rollout restart deployment/nginx-deployment"
    Then the command should fail with "restart paused deployment (run rollout resume first)"
    And the error output should contain 'error: deployments.apps "nginx-deployment" can'
    And deployment "nginx-deployment" should be at revision 1

  Scenario: Every Deployment of the namespace at once, and undoing a restart
    Without a name, `rollout restart deployment` restarts all of them. Undo brings back the template
    without the annotation, so the first ReplicaSet is used again.

    When I apply the manifest file "manifests/nginx-deploy.yaml"
    And I wait until deployment "nginx-deploy" is rolled out
    And I run "kubectl rollout restart deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deploy restarted
      deployment.apps/nginx-deployment restarted
      """
    When I wait until deployment "nginx-deployment" is rolled out
    And I wait until deployment "nginx-deploy" is rolled out
    Then deployment "nginx-deploy" should be at revision 2
    And deployment "nginx-deployment" should be at revision 2
    When I run "kubectl rollout undo deployment/nginx-deployment"
    And I wait until deployment "nginx-deployment" is rolled out
    Then the replica sets of deployment "nginx-deployment" should be:
      | revision | replicas |
      | 2        | 0        |
      | 3        | 3        |
    When I run "kubectl get deployment nginx-deployment -o jsonpath='{.spec.template.metadata.annotations}'"
    Then the output should be:
      """
      """
