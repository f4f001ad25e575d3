Feature: Recording why each revision was made
  `kubectl rollout history` shows, for each revision, the `kubernetes.io/change-cause` annotation of
  its ReplicaSet (Kubernetes docs, "Checking Rollout History of a Deployment"; seed note,
  "查看历史版本"). The Deployment controller copies the Deployment's annotations to its current
  ReplicaSet, so `kubectl annotate deployment/… kubernetes.io/change-cause="…"` right after a change
  names the revision that change made.

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: The docs' history of three revisions
    When I run:
      """
      kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause="kubectl apply --filename=https://k8s.io/examples/controllers/nginx-deployment.yaml"
      kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause="kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
      """
    And I wait until deployment "nginx-deployment" is rolled out
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.161
      kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause="kubectl set image deployment/nginx-deployment nginx=nginx:1.161"
      """
    Then the output should be:
      """
      deployment.apps/nginx-deployment image updated
      deployment.apps/nginx-deployment annotated
      """
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         kubectl apply --filename=https://k8s.io/examples/controllers/nginx-deployment.yaml
      2         kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      3         kubectl set image deployment/nginx-deployment nginx=nginx:1.161
      """
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | change-cause                                                                        |
      | 1        | nginx:1.14.2 | kubectl apply --filename=https://k8s.io/examples/controllers/nginx-deployment.yaml |
      | 2        | nginx:1.16.1 | kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1                    |
      | 3        | nginx:1.161  | kubectl set image deployment/nginx-deployment nginx=nginx:1.161                     |
    When I run "kubectl rollout history deployment/nginx-deployment --revision=2"
    Then the output should contain:
      """
      deployment.apps/nginx-deployment with revision #2
      Pod Template:
      """
    And the output should contain:
      """
        Annotations:	kubernetes.io/change-cause: kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
        Containers:
         nginx:
          Image:	nginx:1.16.1
      """

  Scenario: A change cause written before the change also lands on the revision before it
    The annotation is on the Deployment at once, and the controller copies it to the ReplicaSet
    that is current then; the new ReplicaSet made by the next change gets it as well. The
    change-cause annotation may be replaced without --overwrite.

    When I run "kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause='image updated to 1.16.1'"
    And I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1"
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         image updated to 1.16.1
      2         image updated to 1.16.1
      """
    When I run "kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause='nginx 1.16.1, annotated after the change'"
    Then the output should be:
      """
      deployment.apps/nginx-deployment annotated
      """
    When I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         image updated to 1.16.1
      2         nginx 1.16.1, annotated after the change
      """
    And deployment "nginx-deployment" should be at revision 2
    When I run "kubectl annotate deployment/nginx-deployment team=web"
    And I run "kubectl annotate deployment/nginx-deployment team=ops"
    Then the command should fail with "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (web)"

  Scenario: Rolling back brings back the change cause of the revision rolled back to
    kubectl copies the ReplicaSet's annotations back to the Deployment; the reused ReplicaSet keeps
    its change cause under its new revision number.

    When I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
      kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause=1.16.1
      """
    And I wait until deployment "nginx-deployment" is rolled out
    And I run:
      """
      kubectl set image deployment/nginx-deployment nginx=nginx:1.161
      kubectl annotate deployment/nginx-deployment kubernetes.io/change-cause=1.161
      kubectl rollout undo deployment/nginx-deployment
      """
    And I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      3         1.161
      4         1.16.1
      """
    When I run "kubectl get deployment nginx-deployment -o jsonpath='{.metadata.annotations.kubernetes\.io/change-cause}'"
    Then the output should be:
      """
      1.16.1
      """

  Scenario: The deprecated --record flag writes the command line as the change cause
    When I run "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1 --record"
    Then the output should be:
      """
      deployment.apps/nginx-deployment image updated
      """
    And the error output should contain "Flag --record has been deprecated, --record will be removed in the future"
    When I wait until deployment "nginx-deployment" is rolled out
    And I run "kubectl rollout history deployment/nginx-deployment"
    Then the output should be:
      """
      deployment.apps/nginx-deployment
      REVISION  CHANGE-CAUSE
      1         <none>
      2         kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1 --record=true
      """
